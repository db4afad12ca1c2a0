// Puts a message's mentions onto the profile: each fact on the person it is about, amounts into
// income per person, a hukou city into local or elsewhere in Shandong. Two different values for
// one fact in one message are not recorded: the bot asks.
import { factDefinition, type Profile } from "../../profile/mod.js";
import { LEX, words, wordSet, type Mention, type ReadSegment } from "../understand/mod.js";
import { getFact, setFact } from "../keys.js";
import { incomeOf, type Amount } from "./income.js";
import type { Subjects, Target } from "./subjects.js";
import type { Confirm, Recorded } from "./types.js";

export interface Assembled {
  readonly profile: Profile;
  readonly recorded: readonly Recorded[];
  readonly confirms: readonly Confirm[];
}

export interface AssembleOptions {
  readonly householdSize: number | undefined;
  readonly sizeSaid: number | undefined;
  /** The fact asked, for a list answer that replaces rather than adds ("conditions"). */
  readonly askedFact?: string;
}

/** "I am 65, my wife 63, both local rural hukou": a clause about "both" or "all" is about everyone named so far. */
const ALL = wordSet(words("assemble", "everyone"));

/** "used to be rural, now urban": what is said of now wins over what was. */
const NOW = wordSet(LEX.reading.now);
const REVOKED = wordSet(LEX.reading.notYetAfterOnly);

export function assemble(segments: readonly (ReadSegment & { extra: readonly Mention[] })[], subjects: Subjects, options: AssembleOptions): Assembled {
  const changes = new Map<string, Recorded & { now?: boolean }>();
  const conflicts = new Set<string>();
  const confirms: Confirm[] = [];
  const amounts: Amount[] = [];
  const seen = new Set<number>();
  let now = false;
  const put = (member: number | null, fact: string, value: unknown, inferred?: boolean) => {
    const id = `${member}:${fact}`;
    const before = changes.get(id);
    const next = { member, fact, value, ...(inferred && { inferred }), ...(now && { now }) };
    if (before && JSON.stringify(before.value) !== JSON.stringify(value)) {
      // Lists add up (hypertension and diabetes); a stated value wins over an implied one, and now over before.
      if (Array.isArray(before.value) && Array.isArray(value)) return void changes.set(id, { ...before, value: [...new Set([...before.value, ...value])] });
      if (now && !before.now) return void changes.set(id, next);
      if (!before.inferred && inferred) return;
      if (before.inferred && !inferred) return void changes.set(id, next);
      conflicts.add(id);
      return;
    }
    if (!before) changes.set(id, next);
  };
  const forced = (member: number | null, fact: string, value: unknown) => void changes.set(`${member}:${fact}`, { member, fact, value });
  let previous: { seg: ReadSegment; target: Target } | undefined;
  for (const seg of segments) {
    const says = seg.mentions.length > 0 || seg.extra.length > 0;
    // "had dibao before, it was stopped last year": a clause that only revokes takes back what the one before affirmed.
    if (!says && previous && REVOKED.has(seg.text)) {
      for (const m of previous.seg.mentions) if (m.kind === "fact" && m.value === true) placeMention({ ...m, value: false }, previous.target, undefined, { put: forced, confirms, amounts });
      continue;
    }
    if (!says && subjects.needsFacts(seg.subject)) continue;
    now = NOW.has(seg.text);
    let target: Target = subjects.targets(seg.subject);
    if (!seg.named && ALL.has(seg.text) && seen.size > 0) target = [...new Set([0, ...seen])];
    if (Array.isArray(target)) target.forEach((i) => seen.add(i));
    const who = seg.subject.kind === "asked" && !seg.named ? undefined : target;
    for (const m of [...seg.mentions, ...seg.extra]) placeMention(m, target, who, { put, confirms, amounts });
    previous = { seg, target };
  }
  const income = incomeOf(amounts, options.householdSize, options.sizeSaid);
  if (income && "perPerson" in income) put(null, "incomePerPersonMonthly", income.perPerson);
  if (income && "confirm" in income) confirms.push(income.confirm);
  for (const id of conflicts) {
    const c = changes.get(id)!;
    changes.delete(id);
    confirms.push({ member: c.member, fact: c.fact, reason: "conflict" });
  }
  // A hedge ("looks a bit like autism, not diagnosed yet") keeps the fact unrecorded whatever else is
  // said of it; a vague word that another clause settled ("disabled, physical grade 2") is no doubt at all.
  for (const c of confirms) if (c.reason === "hedge") changes.delete(`${c.member}:${c.fact}`);
  const settled = confirms.filter((c) => c.reason === "conflict" || c.reason === "hedge" || !changes.has(`${c.member}:${c.fact}`));
  return apply(subjects.profile, [...changes.values()].map(({ now: _, ...c }) => c), settled, options);
}

interface Sink {
  put: (member: number | null, fact: string, value: unknown, inferred?: boolean) => void;
  confirms: Confirm[];
  amounts: Amount[];
}

function placeMention(m: Mention, target: Target, who: Amount["who"], sink: Sink): void {
  const members = target === "household" ? [0] : target;
  switch (m.kind) {
    case "fact": {
      // Ages of a group in order: "two sons, one 12, one 9".
      if (m.fact === "ages" && Array.isArray(m.value)) return void members.forEach((i, k) => sink.put(i, "age", (m.value as number[])[k]));
      const scope = factDefinition(m.fact)?.scope;
      if (scope === "member") members.forEach((i) => sink.put(i, m.fact, m.value, m.inferred));
      else if (scope) sink.put(null, m.fact, m.value, m.inferred);
      return;
    }
    case "doubt": {
      const scope = factDefinition(m.fact)?.scope;
      sink.confirms.push({ member: scope === "member" ? (members[0] ?? 0) : null, fact: m.fact, reason: m.reason, ...(m.candidate !== undefined && { candidate: m.candidate }) });
      return;
    }
    case "money":
      sink.amounts.push({ money: m, who });
      return;
    case "hukouPlace":
      members.forEach((i) => sink.put(i, "hukouPlace", m.city));
      return;
    case "size":
      return;
  }
}

/** Applies the changes; a hukou city becomes local or shandong against where the household lives. */
function apply(profile: Profile, changes: readonly Recorded[], confirms: Confirm[], options: AssembleOptions): Assembled {
  const city = (changes.find((c) => c.fact === "city")?.value as string | undefined) ?? profile.city ?? undefined;
  let next = profile;
  const recorded: Recorded[] = [];
  for (const c of changes) {
    if (c.fact === "hukouPlace") {
      if (!city) confirms.push({ member: c.member, fact: "hukou", reason: "where-living", candidate: c.value });
      else if (!changes.some((x) => x.member === c.member && x.fact === "hukou")) {
        const hukou = c.value === city ? "local" : "shandong";
        next = setFact(next, c.member, "hukou", hukou);
        recorded.push({ member: c.member, fact: "hukou", value: hukou });
      }
      continue;
    }
    const value = c.fact === "conditions" && options.askedFact !== "conditions" ? mergeList(getFact(next, c.member, c.fact), c.value) : c.value;
    next = setFact(next, c.member, c.fact, value);
    recorded.push({ ...c, value });
  }
  return { profile: next, recorded, confirms };
}

function mergeList(before: unknown, added: unknown): unknown {
  if (!Array.isArray(before) || !Array.isArray(added)) return added;
  return [...new Set([...before, ...added])];
}
