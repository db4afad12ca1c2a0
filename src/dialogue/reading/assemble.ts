// Puts a message's mentions onto the profile: each fact on the person it is about, amounts into
// income per person, a hukou city into local or elsewhere in Shandong. Two different values for
// one fact in one message are not recorded: the bot asks.
import { factDefinition, type Profile } from "../../profile/mod.js";
import { isHedged, LEX, pastSettled, words, wordSet, type Mention, type ReadSegment } from "../understand/mod.js";
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
const SKIP = wordSet(LEX.reading.skipWords);

/** "we are rural hukou": a hukou said of "we" is everyone's named so far. */
const WE_SHARE: ReadonlySet<string> = new Set(words("assemble", "weShare"));

/** "used to be rural, now urban", "from Henan, the hukou moved here long ago": what is said of now wins over what was. */
const NOW = wordSet([...LEX.reading.now, ...LEX.reading.nowAfterChange]);
const REVOKED = wordSet(LEX.reading.notYetAfterOnly);
/** Screening someone else: "she lives with me" makes the typist one of her household. */
const WITH_TYPIST = wordSet(LEX.reading.withTypist);
/** "about to expire", "not expired": still held, nothing revoked. */
const STILL_HELD = wordSet(LEX.reading.stillHeld);

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
      if (!now && before.now) return;
      if (!before.inferred && inferred) return;
      if (before.inferred && !inferred) return void changes.set(id, next);
      conflicts.add(id);
      return;
    }
    if (!before) changes.set(id, next);
  };
  const forced = (member: number | null, fact: string, value: unknown) => void changes.set(`${member}:${fact}`, { member, fact, value });
  let previous: { seg: ReadSegment & { extra: readonly Mention[] }; target: Target } | undefined;
  for (const seg of segments) {
    const says = seg.mentions.length > 0 || seg.extra.length > 0;
    // "was on dibao before. stopped last year" / "... still on it now": a clause that settles a status the one before said of the past.
    const settled = previous && seg.mentions.length === 0 ? pastSettled(seg.text) : undefined;
    const past = settled === undefined ? [] : confirms.filter((c) => c.reason === "past");
    if (settled !== undefined && past.length > 0) {
      for (const c of past) {
        confirms.splice(confirms.indexOf(c), 1);
        forced(c.member, c.fact, settled);
      }
      continue;
    }
    // "had dibao before, it was stopped last year", "had one, it expired": a clause that only revokes takes back
    // what the one before affirmed (its own plain answer, a "no", says the same).
    const onlyRevokes = seg.mentions.length === 0 && seg.extra.every((m) => m.kind === "fact" && m.value === false);
    if (onlyRevokes && previous && REVOKED.has(seg.text) && !STILL_HELD.has(seg.text)) {
      for (const m of [...previous.seg.mentions, ...previous.seg.extra]) if (m.kind === "fact" && m.value === true && !m.inferred) placeMention({ ...m, value: false }, previous.target, { who: undefined }, { put: forced, confirms, amounts });
      continue;
    }
    // "used to be a registered poor household, now I don't know whether it still counts": a clause of the same
    // person that only doubts puts what the one before stated in doubt.
    const onlyDoubts = seg.extra.length === 0 && seg.mentions.length > 0 && seg.mentions.every((m) => m.kind === "doubt" && m.reason === "hedge");
    if (onlyDoubts && previous && (!seg.named || seg.subject === previous.seg.subject) && (isHedged(seg.text) || SKIP.has(seg.text))) {
      for (const m of [...previous.seg.mentions, ...previous.seg.extra]) {
        if (m.kind !== "fact") continue;
        const scope = factDefinition(m.fact)?.scope;
        const members = previous.target === "household" ? [0] : previous.target;
        confirms.push({ member: scope === "member" ? (members[0] ?? 0) : null, fact: m.fact, reason: "hedge" });
      }
    }
    if (WITH_TYPIST.has(seg.text)) subjects.typistLivesHere();
    if (!says && subjects.needsFacts(seg.subject)) continue;
    now = NOW.has(seg.text);
    let target: Target = subjects.targets(seg.subject);
    if (!seg.named && ALL.has(seg.text) && seen.size > 0) target = [...new Set([0, ...seen])];
    // "I and my wife are both from Anhui".
    if (seg.withSelf && Array.isArray(target) && ALL.find(seg.text.trimStart()).some((h) => h.start === 0)) target = [...new Set([0, ...target])];
    if (Array.isArray(target)) target.forEach((i) => seen.add(i));
    const who = seg.subject.kind === "asked" && !seg.named ? undefined : target;
    // Whose money: the person or group the clause names ("the two of us": two, listed or not); a total in a
    // clause that names nobody ("... a month, 6,000 in all" after a list of people) is the household's.
    const owner = (m: Mention): Pick<Amount, "who" | "people"> => {
      if (m.kind === "money" && m.scope === "household" && !seg.named && seg.subject.kind !== "couple") return { who: "household" };
      return seg.subject.kind === "couple" ? { who, people: 2 } : { who };
    };
    const everyone = [...new Set([0, ...seen])];
    const shared = (m: Mention) => target === "household" && seen.size > 0 && ((m.kind === "fact" && WE_SHARE.has(m.fact)) || m.kind === "hukouPlace");
    for (const m of agesInOrder([...seg.mentions, ...seg.extra])) placeMention(m, shared(m) ? everyone : target, owner(m), { put, confirms, amounts });
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
  for (const c of confirms) if (c.reason === "hedge" || c.reason === "past") changes.delete(`${c.member}:${c.fact}`);
  const settled = confirms.filter((c) => c.reason === "conflict" || c.reason === "hedge" || c.reason === "past" || !changes.has(`${c.member}:${c.fact}`));
  return apply(subjects.profile, [...changes.values()].map(({ now: _, ...c }) => c), settled, options);
}

/** Several ages in one clause ("two children, 9 and 4") are one list, given in order to the people it is about. */
function agesInOrder(mentions: readonly Mention[]): Mention[] {
  const ages = mentions.filter((m) => m.kind === "fact" && m.fact === "age");
  if (ages.length < 2) return [...mentions];
  const list: Mention = { kind: "fact", fact: "ages", value: ages.map((m) => (m as { value: unknown }).value) };
  return [...mentions.filter((m) => !ages.includes(m)), list];
}

interface Sink {
  put: (member: number | null, fact: string, value: unknown, inferred?: boolean) => void;
  confirms: Confirm[];
  amounts: Amount[];
}

function placeMention(m: Mention, target: Target, owner: Pick<Amount, "who" | "people">, sink: Sink): void {
  const members = target === "household" ? [0] : target;
  switch (m.kind) {
    case "fact": {
      // Ages of a group in order: "two sons, one 12, one 9".
      if (m.fact === "ages" && Array.isArray(m.value)) {
        // As many ages as people, in order; any other count cannot be matched up, so it is asked again.
        if (m.value.length !== members.length) return void sink.confirms.push({ member: members[0] ?? 0, fact: "age", reason: "conflict" });
        return void members.forEach((i, k) => sink.put(i, "age", (m.value as number[])[k]));
      }
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
      sink.amounts.push({ money: m, ...owner });
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
