// One line of `npm run -s understand`: {text, ask, lang, profile, member, date} in, what the
// conversation would read out. Bad input gives an error object, never an exception.
import { factDefinition, validateProfile, type Profile } from "../../profile/mod.js";
import { translator } from "../../i18n/mod.js";
import { factKey } from "../keys.js";
import { readMessage } from "./read.js";

export type LineResult = Record<string, unknown>;

const KINDS: Readonly<Record<string, string>> = { assistance: "assist", members: "members", opening: "opening" };

export function understandLine(input: unknown): LineResult {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return { error: "each line must be a JSON object" };
  const o = input as Record<string, unknown>;
  if (typeof o.text !== "string") return { error: "text: must be a string" };
  const lang = o.lang ?? "zh-CN";
  if (lang !== "zh-CN" && lang !== "en") return { error: "lang: must be zh-CN or en" };
  const checked = validateProfile(o.profile ?? { members: [{ relation: "self" }] });
  if (!checked.ok) return { error: `profile.${checked.error}` };
  const member = o.member ?? 0;
  if (typeof member !== "number" || !Number.isInteger(member) || member < 0 || member >= checked.profile.members.length) return { error: "member: must be the index of a member of the profile" };
  const key = keyFor(o.ask, member);
  if (!key) return { error: `ask: unknown question ${JSON.stringify(o.ask)}` };
  const today = dateOf(o.date);
  if (!today) return { error: "date: must be YYYY-MM-DD" };
  const reading = readMessage({
    t: translator(lang),
    profile: checked.profile,
    key,
    text: o.text,
    year: today.year,
    month: today.month,
    householdKnown: o.householdKnown === true || checked.profile.members.length > 1,
    client: o.client === true,
  });
  return {
    profile: reading.profile as Profile,
    intent: reading.intent,
    recorded: reading.recorded,
    ...(reading.term && { term: reading.term }),
    ...(reading.confirm && { confirm: reading.confirm }),
    ...(reading.client && { client: true }),
  };
}

function keyFor(ask: unknown, member: number): string | undefined {
  if (typeof ask !== "string") return undefined;
  if (KINDS[ask]) return KINDS[ask];
  const def = factDefinition(ask);
  if (!def || def.derived || def.decidedBy) return undefined;
  return factKey(def.scope === "member" ? member : null, ask);
}

function dateOf(date: unknown): { year: number; month: number } | undefined {
  if (date === undefined) {
    const now = new Date();
    return { year: now.getFullYear(), month: now.getMonth() + 1 };
  }
  if (typeof date !== "string" || !/^\d{4}-(0[1-9]|1[0-2])-\d{2}$/.test(date)) return undefined;
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}
