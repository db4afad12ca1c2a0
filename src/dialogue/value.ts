// How much a service weighs when the conversation chooses its next question and orders results:
// money and care first. This orders questions and lines; it never decides who qualifies.
import { catalogue, type Item } from "../catalogue/mod.js";

/** Aspects of the 2023 standard whose services are cash or care for people in need. */
const CARE_ASPECTS: ReadonlySet<string> = new Set(["elderly", "vulnerable", "military"]);

export function serviceWeight(service: string): number {
  const item = catalogue().byId.get(service);
  if (!item) return 0;
  if (item.universal) return 0.2;
  if (givesMoney(item) || CARE_ASPECTS.has(item.aspect2023 ?? "")) return 3;
  return 2;
}

export function givesMoney(item: Item): boolean {
  return item.benefits.some((b) => b.amount !== undefined);
}
