// `--catalogue`: the texts a compact result leaves out, written once as the first line, keyed by service id.
import { catalogue, inLang } from "../catalogue/mod.js";
import type { Lang } from "../i18n/mod.js";
import { applyInfo } from "../report/mod.js";

export function catalogueLine(lang: Lang): string {
  const { items, areaById } = catalogue();
  const services = Object.fromEntries(
    items.map((item) => [item.id, { name: inLang(item.name, lang), area: areaById.get(item.area) ? inLang(areaById.get(item.area)!.name, lang) : item.area, apply: applyInfo(item, lang), sources: item.sources }]),
  );
  return `${JSON.stringify({ catalogue: { lang, services } })}\n`;
}
