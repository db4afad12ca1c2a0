// One service of Shandong's basic public services list, as stored in data/catalogue/<area>.json.
// docs/catalogue-format.md describes every field; docs/catalogue.md says where the items come from.

export type Lang = "zh-CN" | "en";

/** Text in both languages. */
export interface Text {
  readonly zh: string;
  readonly en: string;
}

export interface Amount {
  readonly value: number | string;
  readonly unit: string;
  readonly year: string;
  /** "national", "province", "province-average" or "city:<name>". */
  readonly scope: string;
  /** The id of one of the item's sources. */
  readonly source: string;
}

export interface Benefit {
  readonly text: Text;
  readonly amount?: Amount;
  /** The rules of the item this benefit belongs to, where the item has several; absent: all of them. */
  readonly rules?: readonly string[];
}

export interface Source {
  readonly id: string;
  readonly title: string;
  readonly url?: string;
  /**
   * The page is a copy (a "zhuanzai" reprint) of the outlet named in the title, on a site unrelated to it: the URL
   * records where the text was read, for maintainers; user-facing output names the outlet instead.
   */
  readonly mirror?: boolean;
  readonly section?: string;
  readonly year: string;
}

export interface HowToApply {
  readonly where: Text | null;
  readonly online: Text | null;
  readonly hotlines: readonly string[];
  readonly documents: readonly Text[];
}

export interface Item {
  readonly id: string;
  readonly area: string;
  readonly name: Text;
  readonly summary: Text;
  readonly audience: Text;
  readonly scope: "person" | "household";
  readonly universal: boolean;
  readonly benefits: readonly Benefit[];
  readonly amountNote?: Text;
  readonly otherConditions?: Text;
  readonly responsibility: Text | null;
  readonly lead: Text | null;
  readonly apply: HowToApply;
  readonly sources: readonly Source[];
  readonly derivation: string;
  readonly caveats?: Text;
  /** The aspect of the Shandong 2023 standard the item falls under (data/aspects-2023.json). */
  readonly aspect2023?: string;
  /** When the item was last checked against its sources (YYYY-MM). */
  readonly reviewed?: string;
}

export interface Area {
  readonly id: string;
  readonly name: Text;
}

/** Picks the text for a language; Chinese is the fallback because it is the source language. */
export function inLang(text: Text, lang: Lang): string {
  return lang === "en" ? text.en || text.zh : text.zh;
}

/** The name a user reads for one rule of an item: the rule's own title where the item has several. */
export function serviceName(item: Item, rule: { readonly title?: Text }, lang: Lang): string {
  return inLang(rule.title ?? item.name, lang);
}
