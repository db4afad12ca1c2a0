// The first results message: for each person the services found, money and care first, one line
// each with the amount where a source gives it; then the one question that settles most of what is
// still open; then how to go on. It fits a phone screen: at most 1,100 Chinese characters' width
// for one person, a little more per extra member, in either language; longer lists are cut, and
// "all results" shows them whole.
import type { Lang } from "../../catalogue/mod.js";
import type { Ruleset } from "../../engine/mod.js";
import type { Translate } from "../../i18n/mod.js";
import type { Profile } from "../../profile/mod.js";
import { questionText } from "../ask.js";
import { parseKey } from "../keys.js";
import type { Reply } from "../reply.js";
import type { ClientMode } from "../state.js";
import { whoLabel } from "../who.js";
import { arrange, type Found, type PersonFound } from "./found.js";
import { serviceLine } from "./lines.js";
import { openFor } from "./open.js";
import { screenWidth } from "./screen-width.js";
import { householdUnlocks, personalUnlocks, unlockLines } from "./unlocks.js";

export interface Rendered {
  readonly replies: Reply[];
  /** "member:rule" for each numbered line, in order: what "details 3" opens. */
  readonly listed: string[];
}

/** Width of the summary (a Chinese character is 2, a Latin letter 1) for one person, and for each further member. */
const LIMIT = 2 * 1100;
const PER_MEMBER = 2 * 450;

export interface SummaryContext {
  readonly t: Translate;
  readonly lang: Lang;
  readonly profile: Profile;
  readonly rules: Ruleset;
  readonly client?: ClientMode;
}

/** How much besides the services a summary says: everything, then without unlock hints, then the bare minimum. */
type Detail = "full" | "noUnlocks" | "minimal";
const DETAILS: readonly Detail[] = ["full", "noUnlocks", "minimal"];

export function renderSummary(c: SummaryContext, whole = false): Rendered {
  const screening = arrange(c.profile, c.rules);
  if (whole) return render(c, screening, Infinity, "full");
  const limit = LIMIT + PER_MEMBER * (c.profile.members.length - 1);
  let last: Rendered | undefined;
  // Fewer lines per person first, then less besides them, until the message fits a phone screen.
  for (const detail of DETAILS) {
    for (const shown of [12, 10, 8, 6, 4, 3]) {
      last = render(c, screening, shown, detail);
      if (last.replies.reduce((n, r) => n + screenWidth(r.text), 0) <= limit) return last;
    }
  }
  return last!;
}

function render(c: SummaryContext, screening: ReturnType<typeof arrange>, shown: number, detail: Detail): Rendered {
  const { t } = c;
  const listed: string[] = [];
  const sections: string[] = [t("results.title")];
  if (screening.shared.length > 0) sections.push([t("results.household"), ...numbered(c, screening.shared, 0, listed, shown)].join("\n"));
  for (const person of screening.people) sections.push(personSection(c, person, listed, shown, detail));
  const forAll = detail === "minimal" ? [] : unlockLines(t, c.lang, c.rules, householdUnlocks(screening.people.map((p) => p.screening))).slice(0, 2);
  if (forAll.length > 0) sections.push(forAll.join("\n"));
  const closing = [
    screening.universal > 0 ? t("results.universal", { count: screening.universal }) : "",
    t(listed.length > 0 ? "results.next" : "results.nextNone"),
    t("results.disclaimer"),
  ].filter(Boolean);
  return { replies: [{ text: sections.join("\n\n") }, { text: closing.join("\n") }], listed };
}

function personSection(c: SummaryContext, person: PersonFound, listed: string[], shown: number, detail: Detail): string {
  const { t, profile } = c;
  const who = whoLabel(t, profile, person.member, c.client);
  const lines = [t("results.person", { who })];
  if (person.eligible.length > 0) lines.push(t("results.found", { count: person.eligible.length }), ...numbered(c, person.eligible, person.member, listed, shown));
  else lines.push(t("results.noneFound", { who }));
  const open = openFor(profile, person);
  const first = open.questions[0];
  const waiting = open.questions.reduce((n, q) => n + q.services.length, 0);
  if (first) {
    const q = parseKey(first.key);
    if (q) lines.push(t("results.openOne", { count: waiting, question: questionText(t, profile, first.key, q, c.client) }));
  }
  if (open.office.length > 0 && detail !== "minimal") lines.push(t("results.office", { count: open.office.length }));
  if (detail !== "full") return lines.join("\n");
  const own = personalUnlocks(person.screening, profile.members[person.member]?.age);
  lines.push(...unlockLines(t, c.lang, c.rules, own).slice(0, 2));
  if (withoutPermit(profile, person.member) && !own.some((u) => u.fact === "residencePermit")) lines.push(t("info.residencePermit"));
  return lines.join("\n");
}

function numbered(c: SummaryContext, found: readonly Found[], member: number, listed: string[], shown: number): string[] {
  const city = c.profile.city ?? undefined;
  const lines = found.slice(0, shown).map((f) => {
    listed.push(`${member}:${f.rule.id}`);
    return serviceLine(c.t, c.lang, listed.length, f.item, f.rule, city);
  });
  if (found.length > shown) lines.push(c.t("results.more", { count: found.length - shown }));
  return lines;
}

/** A migrant without a residence permit learns what one is and how to get it, even when no rule here turns on it alone. */
function withoutPermit(profile: Profile, member: number): boolean {
  const m = profile.members[member];
  return (m?.hukou === "shandong" || m?.hukou === "other-province") && m.residencePermit === false;
}
