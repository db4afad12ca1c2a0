/**
 * Screening someone else: "asking for my grandma", "for my mother", "for old Mr Wang of our
 * village", "/client". From then on the person asked about (the client) is member 0 and questions
 * speak of them in the third person. Only their sex is kept from the words (grandma, old man); a
 * name (a surname) is never kept. Words are in data/understand.json ("reading", "literals.client").
 */
import { HOUSEHOLD, LEX, words } from "./lexicon.js";
import type { Relation, Sex } from "./mentions.js";

const R = LEX.reading;
const esc = (w: string) => w.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
const alt = (ws: readonly string[]) => [...ws].sort((a, b) => b.length - a.length).map(esc).join("|");
const PEOPLE: Readonly<Record<string, Sex | null>> = R.clientPeople;
const RELATION_WORDS = Object.keys(HOUSEHOLD.relations).filter((w) => !/^[a-z]/.test(w));
const SEX = new Map<string, Sex>();
for (const sex of ["female", "male"] as const) for (const w of HOUSEHOLD.relationSex[sex]) SEX.set(w, sex);

const C = (name: string) => alt(words("client", name));
/** A person: a relation or people word, or "old" and a surname (the surname is not kept). */
const WHO = `(${alt([...Object.keys(PEOPLE), ...RELATION_WORDS])}|(?:${C("elderPrefix")})[\\p{Script=Han}])`;
/** A helper's verb, someone (with a status such as wubao, or only the status: "a disabled person"), and asking: "help my grandma ask". */
const PHRASE = new RegExp(
  `(?:${alt(R.clientLead)})\\s*(?:${C("owners")})?\\s*(?:${alt(R.clientWords)}|${C("village")})?\\s*(?:${C("counters")})?\\s*(?:(${C("statuses")})?\\s*[\\p{Script=Han}]{0,2}?${WHO}|(${C("statuses")}))\\s*(?:${alt(R.clientVerb)})`,
  "u",
);
const EN = /^(?:(?:hi|hello|hey)(?![a-z])[\s,!.]*)?(?:(?:i'?m|i am)\s+)?(?:asking|checking|screening|enquiring|inquiring|helping)(?:\s+(?:for|about|on behalf of))?\s+(?:my\s+)?([a-z]+)/;
const EN_PEOPLE: Readonly<Record<string, { sex?: Sex; relation?: Relation }>> = {
  grandmother: { sex: "female", relation: "grandparent" }, grandma: { sex: "female", relation: "grandparent" },
  grandfather: { sex: "male", relation: "grandparent" }, grandpa: { sex: "male", relation: "grandparent" },
  mother: { sex: "female", relation: "parent" }, mom: { sex: "female", relation: "parent" }, mum: { sex: "female", relation: "parent" },
  father: { sex: "male", relation: "parent" }, dad: { sex: "male", relation: "parent" },
  client: {}, neighbour: {}, neighbor: {}, someone: {},
};

export interface ClientMention {
  readonly sex?: Sex;
  /** The client's relation to the person typing (a grandmother: grandparent), when a relation word says it. */
  readonly relation?: Relation;
  /** Where the rest of the message starts. */
  readonly end: number;
  /** Words of the phrase that still say something of the client (a wubao status). */
  readonly said?: string;
}

export function clientIn(normalized: string): ClientMention | undefined {
  const text = normalized.trim();
  if (R.clientCommand.some((c) => text === c || text.startsWith(`${c} `))) return { end: text.indexOf(" ") < 0 ? text.length : text.indexOf(" ") };
  const m = PHRASE.exec(text);
  if (m) {
    const word = m[2] ?? "";
    const sex = SEX.get(word) ?? PEOPLE[word] ?? undefined;
    const relation = HOUSEHOLD.relations[word]?.[0] as Relation | undefined;
    const status = m[1] ?? m[3];
    return { ...(sex && { sex }), ...(relation && { relation }), ...(status && { said: status }), end: m.index + m[0].length };
  }
  const en = EN.exec(text);
  if (en && EN_PEOPLE[en[1]!]) return { ...EN_PEOPLE[en[1]!]!, end: en.index + en[0].length };
  return undefined;
}
