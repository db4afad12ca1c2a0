/**
 * Finding listed words in normalised text: leftmost first, and at one place the longest word
 * (so "near-dibao" wins over "dibao"). Latin words match only as whole words ("no" is not inside
 * "november"). Matches never overlap, and a caller can blank out what it has used so that
 * the next reader does not read it again.
 */
const escape = (w: string) => w.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
const LATIN = /^[a-z0-9' .,/-]+$/;

export interface Hit<T> {
  readonly word: string;
  readonly value: T;
  readonly start: number;
  readonly end: number;
}

export class WordFinder<T> {
  private readonly re: RegExp;
  private readonly values: ReadonlyMap<string, T>;

  constructor(entries: Iterable<readonly [string, T]>) {
    const values = new Map<string, T>();
    for (const [word, value] of entries) if (word && !values.has(word)) values.set(word, value);
    this.values = values;
    const words = [...values.keys()].sort((a, b) => b.length - a.length);
    const source = words.map((w) => (LATIN.test(w) ? `(?<![a-z])${escape(w)}(?![a-z])` : escape(w))).join("|");
    this.re = new RegExp(source || "(?!)", "g");
  }

  /** Every match, in order. */
  find(text: string): Hit<T>[] {
    const hits: Hit<T>[] = [];
    this.re.lastIndex = 0;
    for (let m = this.re.exec(text); m; m = this.re.exec(text)) {
      if (m[0] === "") {
        this.re.lastIndex++;
        continue;
      }
      hits.push({ word: m[0], value: this.values.get(m[0]) as T, start: m.index, end: m.index + m[0].length });
    }
    return hits;
  }

  first(text: string): Hit<T> | undefined {
    return this.find(text)[0];
  }

  has(text: string): boolean {
    return this.find(text).length > 0;
  }
}

/** A finder whose every word means the same thing. */
export function wordSet(words: Iterable<string>): WordFinder<true> {
  return new WordFinder([...words].map((w) => [w, true] as const));
}

/** Replaces [start, end) with spaces, keeping every other position where it was. */
export function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + " ".repeat(end - start) + text.slice(end);
}
