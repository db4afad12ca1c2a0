// "print" on WeChat, which can only send text: the household handout as plain text, in the pages "more"
// shows. The printable handout (report/) runs to 4-26 KB for the sample households, over half of it
// sources (titles and URLs): up to 13 passive replies, more than anyone pages through. So here each
// service keeps what a visit needs (for whom, what it is and gives, where, online, hotline, what to bring)
// and leaves its sources to "details N"; whole services are listed while the answer fits in HANDOUT_PAGES
// pages, the others are named with how to see them, and the open questions are left to "pending".
import type { Handout, HandoutService } from "../../dialogue/mod.js";
import type { Translate } from "../../i18n/mod.js";

/** Pages a handout may take: each is one "more" the user has to send. */
export const HANDOUT_PAGES = 3;

/**
 * The pages for `before` (the turn's own replies) followed by the handout: as many services as fit in
 * HANDOUT_PAGES pages once `paginate` has cut them, at least none. `paginate` is the channel's own
 * pagination, so the count is of pages as the user will get them.
 */
export function handoutPages(t: Translate, handout: Handout, before: string, paginate: (text: string) => string[]): string[] {
  let pages: string[] = [];
  for (let shown = handout.services.length; shown >= 0; shown--) {
    pages = paginate([before, handoutText(t, handout, shown)].filter((part) => part.trim() !== "").join("\n\n"));
    if (pages.length <= HANDOUT_PAGES) break;
  }
  return pages;
}

/** The handout with its first `shown` services in full and the rest by name. */
export function handoutText(t: Translate, h: Handout, shown: number): string {
  const and = t("list.and");
  const head = [t("handout.title"), t("handout.date", { date: h.date }), t("handout.people", { people: h.people.join(and) }), t("handout.privacy")].join("\n");
  const rest = h.services.slice(shown);
  const parts = [
    head,
    h.services.length === 0 ? t("handout.none") : t("handout.found", { count: h.services.length }),
    ...h.services.slice(0, shown).map((s) => serviceText(t, s)),
    rest.length > 0 ? t("wechat.handout.rest", { count: rest.length, names: rest.map((s) => s.name).join(and) }) : "",
    h.services.length > 0 ? t("wechat.handout.sources") : "",
    h.open.length > 0 ? t("wechat.handout.open") : "",
    t("handout.footer"),
  ];
  return parts.filter(Boolean).join("\n\n");
}

function serviceText(t: Translate, s: HandoutService): string {
  const and = t("list.and");
  return [
    t("details.title", { name: s.name }),
    t("handout.for", { who: s.who.join(and) }),
    s.summary,
    t("handout.gives", { text: s.amount }),
    s.where ? t("handout.where", { text: s.where }) : "",
    s.online ? t("handout.online", { text: s.online }) : "",
    s.hotlines.length > 0 ? t("handout.hotline", { numbers: s.hotlines.join(" / ") }) : "",
    s.documents.length > 0 ? t("handout.bring", { text: s.documents.join(and) }) : "",
  ]
    .filter(Boolean)
    .join("\n");
}
