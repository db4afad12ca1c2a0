/**
 * The disability certificate, its grade and its kind: "yes, physical grade 1", "mental grade 2",
 * "grade-2 disabled", "the certificate is still being processed". A grade implies a certificate (it
 * is printed on it); "disabled" without a certificate word ("my leg is disabled") is not a
 * certificate: the bot asks. Words are in data/understand.json ("facts", "grade", "literals.disability").
 */
import { parseGrade } from "./grade.js";
import { LEX, alt, chars, words, ZH_NUMERALS } from "./lexicon.js";
import { doubt, fact } from "./mentions.js";
import { polarityAt } from "./polarity.js";
import type { SegmentReader } from "./segment-reader.js";
import { WordFinder, wordSet } from "./words.js";

const FLAG = LEX.facts.flags.disabled!;
/** true: a certificate word; false: a word for disability that says nothing of a certificate; null: not about this at all (a disabled serviceman's status). */
const CERTIFICATE = new WordFinder<boolean | null>([
  ...FLAG.words.map((w) => [w, !(FLAG.weak ?? []).includes(w)] as const),
  ...(FLAG.ignore ?? []).map((w) => [w, null] as const),
]);
const D = (name: string) => alt(words("disability", name));
/** Where the disability is the topic, a bare "certificate" character is the disability certificate (not a residence permit or an ID). */
const BARE_CERTIFICATE = new RegExp(`(?<!${D("otherCertificates")})(?:${D("certificateChar")})`, "u");
const KINDS = new WordFinder(Object.entries(LEX.facts.enums.disabilityKind ?? {}).flatMap(([kind, words]) => words.map((w) => [w, kind] as const)));
const EN_GRADE = /(?<![a-z])(?:grade|level|class)\s*([1-4]|one|two|three|four)(?![0-9a-z])/u;

function bareCertificate(text: string, topic: boolean, ignored: readonly { start: number; end: number }[]): { start: number; end: number; value: true } | undefined {
  if (!topic) return undefined;
  const m = BARE_CERTIFICATE.exec(text);
  if (!m || ignored.some((h) => h.start <= m.index && h.end > m.index)) return undefined;
  return { start: m.index, end: m.index + 1, value: true };
}

/** A grade, 1 to 4, in digits or words, before the grade word ("twelfth" is not a grade, nor a "grade-2 hospital"). */
const GRADE = new RegExp(
  `(?<![0-9${chars(ZH_NUMERALS)}])(?:${D("gradeOrdinal")}\\s*)?([1-4${chars(LEX.grade.digitChars)}])\\s*(?:${alt([...LEX.grade.suffix, ...LEX.grade.bareSuffix])})(?!\\s*(?:${D("gradeNotBefore")}))`,
  "u",
);
const ALTERNATIVE = new RegExp(D("alternatives"), "u");
const DENIED_BEFORE = new RegExp(`(?:${D("denied")})\\s*$`, "u");
const SEVERITY = wordSet(LEX.grade.severity.flatMap((s) => s.words));
const DISABILITY_ASKS = new Set(["disabled", "disabilityGrade", "disabilityKind"]);

export function hasDisabilityWord(text: string): boolean {
  return CERTIFICATE.find(text).some((h) => h.value !== null);
}

/** Kind words that name a disability on their own ("I am blind"): its kind, never a certificate. */
const PLAIN_KINDS: ReadonlySet<string> = new Set(words("disability", "plainKinds"));

export function readDisability(r: SegmentReader): void {
  const topic = r.context.topics.has("disability");
  const context = (DISABILITY_ASKS.has(r.context.ask) && r.context.aboutAsked) || topic;
  // A disabled serviceman's status is read by the flags: it is neither a certificate nor this reader's.
  const certificate = CERTIFICATE.find(r.rest).find((h) => h.value !== null) ?? bareCertificate(r.rest, topic, CERTIFICATE.find(r.rest));
  const kind = KINDS.first(r.rest);
  const grade = GRADE.exec(r.rest) ?? EN_GRADE.exec(r.rest);
  const severity = SEVERITY.first(r.rest);
  if (kind && PLAIN_KINDS.has(kind.word) && !certificate && !grade) {
    r.take(kind.start, kind.end);
    return void r.add(fact("disabilityKind", kind.value));
  }
  if (grade && (GRADE.exec(r.rest.slice(grade.index + grade[0].length)) || ALTERNATIVE.test(r.rest))) {
    r.take(0, r.rest.length);
    return void r.add(doubt("disabilityGrade", "conflict"));
  }
  if (!certificate && !context && !grade) return;
  if (!certificate && !context && grade && !kind && !severity) return; // "grade 2" alone, far from any disability talk
  let held: boolean | "doubt" | undefined;
  if (certificate) {
    const polarity = polarityAt(r.rest, certificate.start, certificate.end);
    r.take(certificate.start, certificate.end);
    held = polarity === "doubt" ? "doubt" : polarity === "yes";
    // "my leg is disabled": a disability, not said to be certified.
    if (held === true && !certificate.value && !grade) held = "doubt";
  }
  if (held === false) {
    r.add(fact("disabled", false));
    return;
  }
  // A kind word alone ("not quite right mentally") is not a disability: it needs a grade, a
  // certificate, the kind question, or a message about a disability ("my son has a certificate, grade 2, intellectual").
  const kindSaid = kind && (grade || certificate || severity || topic || r.context.ask === "disabilityKind") ? kind : undefined;
  const before = r.mentions.length;
  readDetails(r, kindSaid, grade, severity);
  // A grade is printed on a certificate; a kind of disability is not proof of one ("my leg is disabled").
  const graded = r.mentions.slice(before).some((m) => m.kind === "fact" && m.fact === "disabilityGrade");
  if (held === "doubt" && !graded) r.add(doubt("disabled", certificate?.value ? "hedge" : "vague"));
  else if (held === true) r.add(fact("disabled", true));
  else if (graded) r.add(fact("disabled", true, true));
}

/** The grade and kind; returns how many were found. */
function readDetails(r: SegmentReader, kind: ReturnType<typeof KINDS.first>, gradeHit: RegExpExecArray | null, severity: ReturnType<typeof SEVERITY.first>): number {
  let grade = gradeHit;
  let count = 0;
  // "not grade 3": a grade denied is no grade.
  if (grade && DENIED_BEFORE.test(r.rest.slice(Math.max(0, grade.index - 3), grade.index))) {
    r.take(grade.index, grade.index + grade[0].length);
    grade = GRADE.exec(r.rest) ?? EN_GRADE.exec(r.rest);
  }
  if (grade) {
    const value = parseGrade(grade[0]);
    if (typeof value === "number") {
      r.add(fact("disabilityGrade", value));
      count++;
    }
    r.take(grade.index, grade.index + grade[0].length);
  } else if (severity) {
    const value = parseGrade(severity.word);
    if (typeof value === "number") r.add(fact("disabilityGrade", value));
    else r.add(doubt("disabilityGrade", "vague", value));
    r.take(severity.start, severity.end);
    count++;
  }
  if (kind) {
    r.add(fact("disabilityKind", kind.value));
    r.take(kind.start, kind.end);
    count++;
  }
  return count;
}
