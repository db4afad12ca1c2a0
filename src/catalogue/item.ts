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
}

export interface Area {
  readonly id: string;
  readonly name: Text;
}

/** Picks the text for a language; Chinese is the fallback because it is the source language. */
export function inLang(text: Text, lang: Lang): string {
  return lang === "en" ? text.en || text.zh : text.zh;
}
