// The results on WeChat, in text only: the summary, whose pages before its closing line say how to open a
// line; "1" or "详情 1" opening it; and "打印", the handout as text in at most HANDOUT_PAGES pages.
import { describe, expect, it } from "vitest";
import { envelope } from "../../../src/channels/session-envelope.js";
import { HANDOUT_PAGES, pagesOf, utf8Length } from "../../../src/channels/wechat/mod.js";
import { respond, type DialogueState } from "../../../src/dialogue/mod.js";
import { translator, type Lang } from "../../../src/i18n/mod.js";
import { screeningHandout } from "../../../src/report/mod.js";
import { personas } from "../../helpers/fixtures.js";
import { converse } from "../../helpers/simulated-user.js";
import type { Harness } from "./harness.js";
import { say, useWebhooks } from "./fakes.js";

const webhook = useWebhooks();

function finished(name: string, lang: Lang = "zh-CN"): DialogueState {
  const persona = personas().find((p) => p.name === name)!;
  const state = converse({ ...persona, lang }, 60, false).state;
  expect(state.phase).toBe("results");
  return state;
}

/** Sends `text` after storing `state` as the user's conversation, then "more" until the answer is read. */
async function read(h: Harness, user: string, text: string, state?: DialogueState): Promise<string[]> {
  if (state) await h.store.set(`wechat:${user}`, envelope(state, 1, null));
  const more = translator(state?.lang ?? "zh-CN")("wechat.more.words", { returnObjects: true }) as string[];
  const pages = [await say(h, user, text)];
  while (/[(（]\d+\/\d+[)）]$/.test(pages.at(-1)!)) {
    expect(pages.length).toBeLessThan(20);
    pages.push(await say(h, user, more[0]!));
  }
  return pages;
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe("wechat results", () => {
  for (const lang of ["zh-CN", "en"] as const) {
    it(`a summary of several pages says how to open a line on each page before its closing (${lang})`, async () => {
      const t = translator(lang);
      const h = await webhook();
      const pages = await read(h, "o_res", lang === "en" ? "results" : "结果", finished("local-urban-family-toddler-and-preschooler", lang));
      expect(pages.length).toBeGreaterThan(1);
      pages.slice(0, -1).forEach((page, i) => {
        expect(page.endsWith(t("wechat.more.hintResults", { n: i + 1, m: pages.length }))).toBe(true);
        expect(page).not.toContain(t("results.next"));
      });
      // The closing page says it the core's way, once, and nothing more.
      expect(count(pages.at(-1)!, t("results.next"))).toBe(1);
      expect(pages.at(-1)!).not.toContain(t("wechat.more.hintResults", { n: pages.length - 1, m: pages.length }));
      for (const page of pages) expect(utf8Length(page)).toBeLessThanOrEqual(2000);
    });
  }

  it("a one-page summary is left as the core wrote it", async () => {
    const t = translator("zh-CN");
    const h = await webhook();
    const state = finished("young-unemployed");
    const pages = await read(h, "o_one", "结果", state);
    expect(pages).toEqual([respond(state, "结果").replies.map((r) => r.text).join("\n\n")]);
    expect(count(pages[0]!, t("results.next"))).toBe(1);
  });

  it("a number, bare or with 详情, opens that line's details", async () => {
    const h = await webhook();
    const state = finished("local-urban-family-toddler-and-preschooler");
    const summary = (await read(h, "o_num", "结果", state)).join("\n");
    const name = /^3\. ([^（\n]+)/m.exec(summary)![1]!;
    for (const input of ["3", "详情 3"]) {
      const details = (await read(h, "o_num", input)).join("\n");
      expect(details).toContain(name);
      expect(details).toMatch(/到哪里办：/);
    }
  });
});

describe("wechat print", () => {
  it("pages the handout as text: whole services while it fits, the rest by name, sources left to the details", async () => {
    const t = translator("zh-CN");
    const h = await webhook();
    const state = finished("local-family-of-four");
    const before = new Date().toISOString().slice(0, 10);
    const pages = await read(h, "o_print", "打印", state);
    const after = new Date().toISOString().slice(0, 10);
    const text = pages.join("\n");
    expect(pages.length).toBeLessThanOrEqual(HANDOUT_PAGES);
    for (const page of pages) expect(utf8Length(page)).toBeLessThanOrEqual(2000);
    expect(pages[0]!.startsWith(t("handout.ready"))).toBe(true);
    expect(text).toContain(t("handout.title"));
    expect([t("handout.date", { date: before }), t("handout.date", { date: after })].some((d) => text.includes(d))).toBe(true);
    const services = screeningHandout(state.profile, "zh-CN", new Date()).services;
    const full = services.filter((s) => text.includes(t("details.title", { name: s.name })));
    const named = services.filter((s) => !full.includes(s));
    // This household has more than three pages' worth: some in full, the others named in one line.
    expect(full.length).toBeGreaterThan(2);
    expect(named.length).toBeGreaterThan(0);
    const rest = t("wechat.handout.rest", { count: named.length, names: named.map((s) => s.name).join(t("list.and")) });
    expect(text).toContain(rest);
    for (const s of full) expect(text).toContain(t("handout.where", { text: s.where! }));
    expect(text).not.toContain(t("handout.sources", { text: "" }));
    expect(text).toContain(t("wechat.handout.sources"));
    expect(text).toContain(t("handout.footer"));
    // The handout changed nothing: still at the results, and a number still opens a line.
    expect(((await h.store.get("wechat:o_print"))!.state as { dialogue: DialogueState }).dialogue).toEqual(state);
  });

  it("a short handout comes whole, in one page", async () => {
    const t = translator("zh-CN");
    const h = await webhook();
    const state = finished("migrant-worker-no-permit");
    const pages = await read(h, "o_short", "打印", state);
    expect(pages).toHaveLength(1);
    for (const s of screeningHandout(state.profile, "zh-CN", new Date()).services) expect(pages[0]).toContain(t("details.title", { name: s.name }));
    expect(pages[0]).not.toContain("清单较长");
  });

  it("fits every sample household in HANDOUT_PAGES pages, every service in full or by name", () => {
    for (const p of personas()) {
      const state = converse(p, 60, false).state;
      const t = translator(state.lang);
      const when = new Date("2026-12-01T00:00:00Z");
      const { pages } = pagesOf(respond(state, state.lang === "en" ? "print" : "打印"), 2000, when);
      const text = pages.join("\n");
      expect(pages.length, p.name).toBeLessThanOrEqual(HANDOUT_PAGES);
      for (const page of pages) expect(utf8Length(page)).toBeLessThanOrEqual(2000);
      expect(text).toContain(t("handout.date", { date: "2026-12-01" }));
      for (const s of screeningHandout(state.profile, state.lang, when).services) expect(text, `${p.name}: ${s.name}`).toContain(s.name);
    }
  });
});
