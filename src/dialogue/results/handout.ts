// The household's handout (yi ci xing gao zhi dan): each service found once, with whom it is for,
// what it gives, where to go, what to bring, the hotline and the sources; then what is still to be
// settled, each with its question. A model only: src/report renders it as HTML or Markdown.
import { inLang, serviceName, type Item, type Lang } from "../../catalogue/mod.js";
import type { CompiledRule, Ruleset } from "../../engine/mod.js";
import type { Translate } from "../../i18n/mod.js";
import type { Profile } from "../../profile/mod.js";
import { questionText } from "../ask.js";
import { parseKey } from "../keys.js";
import type { ClientMode } from "../state.js";
import { whoLabel } from "../who.js";
import { sourceText } from "./details.js";
import { arrange, type Found } from "./found.js";
import { amountFor, amountText, cityVaries } from "./lines.js";
import { openFor } from "./open.js";

export interface HandoutService {
  readonly name: string;
  /** Who in the household it is for ("you", "your child (9)"); the whole household for a shared service. */
  readonly who: readonly string[];
  readonly summary: string;
  /** The amount, dated and whose figure; or what the catalogue says of an amount set locally. */
  readonly amount: string;
  readonly where?: string;
  readonly online?: string;
  readonly hotlines: readonly string[];
  readonly documents: readonly string[];
  readonly sources: readonly string[];
}

/** One question still open for one person, and the services its answer would settle. */
export interface HandoutOpen {
  readonly who: string;
  readonly question: string;
  readonly names: readonly string[];
}

export interface Handout {
  readonly lang: Lang;
  readonly date: string;
  readonly people: readonly string[];
  readonly services: readonly HandoutService[];
  readonly open: readonly HandoutOpen[];
}

export function buildHandout(t: Translate, lang: Lang, profile: Profile, rules: Ruleset, today: Date, client?: ClientMode): Handout {
  const screening = arrange(profile, rules);
  const city = profile.city ?? undefined;
  const who = (member: number) => whoLabel(t, profile, member, client);
  const byRule = new Map<string, { found: Found; who: string[] }>();
  for (const f of screening.shared) byRule.set(f.rule.id, { found: f, who: [t("answers.household")] });
  for (const person of screening.people) {
    for (const f of person.eligible) {
      const entry = byRule.get(f.rule.id) ?? { found: f, who: [] };
      entry.who.push(who(person.member));
      byRule.set(f.rule.id, entry);
    }
  }
  const services = [...byRule.values()].map(({ found, who }) => service(t, lang, found.item, found.rule, city, who));
  const open = screening.people.flatMap((person) =>
    openFor(profile, person).questions.flatMap((q) => {
      const key = parseKey(q.key);
      if (!key) return [];
      const names = q.services.map((s) => serviceName(s.item, s.rule.file, lang));
      return [{ who: who(person.member), question: questionText(t, profile, q.key, key, client), names }];
    }),
  );
  return { lang, date: shandongDate(today), people: profile.members.map((_, i) => who(i)), services, open };
}

function service(t: Translate, lang: Lang, item: Item, rule: CompiledRule, city: string | undefined, who: string[]): HandoutService {
  const amount = amountFor(item, rule, city);
  const { where, online, hotlines, documents } = item.apply;
  return {
    name: serviceName(item, rule.file, lang),
    who,
    summary: inLang(item.summary, lang),
    amount: amount ? amountText(t, amount, cityVaries(item, rule, amount), true) : item.amountNote ? inLang(item.amountNote, lang) : t("handout.amountLocal"),
    ...(where && { where: inLang(where, lang) }),
    ...(online && { online: inLang(online, lang) }),
    hotlines,
    documents: documents.map((d) => inLang(d, lang)),
    sources: item.sources.filter((s) => !rule.file.sources || rule.file.sources.includes(s.id)).map((s) => sourceText(t, s)),
  };
}

/** The date in Shandong (UTC+8), whatever the server's clock zone: the handout is dated for its reader. */
export function shandongDate(when: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(when);
}
