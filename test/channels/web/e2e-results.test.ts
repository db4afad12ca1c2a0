// The web chat in Chromium at a phone's and a laptop's size: several answers confirmed with one button,
// no second spouse, the results as cards with their buttons, the answers panel, tel: links, the delete
// confirmation and the printable handout. Set WEB_SHOTS=/some/dir to keep screenshots to look at.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHandout, restoreState } from "../../../src/dialogue/mod.js";
import { ruleset } from "../../../src/engine/mod.js";
import { translator } from "../../../src/i18n/mod.js";
import { LAPTOP, PHONE, launch, nextTurn, openChat, shot, skip, type, warnIfSkipped, type OpenPage } from "./browser.js";
import { startWebServer, type Harness } from "./harness.js";

warnIfSkipped("e2e-results");
const zh = translator("zh-CN");
const INPUT = zh("web.inputLabel");

describe.skipIf(skip).each([
  ["phone", PHONE],
  ["laptop", LAPTOP],
] as const)("web chat on a %s", (size, viewport) => {
  let browser: Browser;
  let h: Harness;

  beforeAll(async () => {
    h = await startWebServer();
    browser = await launch();
  }, 45_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const open = () => openChat(browser, h.url, viewport);
  const options = (page: Page) => page.locator("#options");
  const option = (page: Page, value: string) => page.locator(`#options button[value="${value}"]`);
  const confirm = (page: Page) => options(page).getByRole("button", { name: zh("web.confirmChoice"), exact: true });
  const lastUser = (page: Page) => page.locator(".msg.user .text").last();
  const sessionOf = (page: Page) => page.evaluate("sessionStorage.getItem('sdbot.session')") as Promise<string>;
  const stored = async (page: Page) => restoreState(((await h.store.get(`web:${await sessionOf(page)}`))?.state as { dialogue?: unknown } | undefined)?.dialogue);

  /** Types the age, then "don't know" until the household question. */
  async function toMembers(o: OpenPage): Promise<void> {
    await type(o, INPUT, "70");
    for (let i = 0; i < 6 && !(await option(o.page, "#members=spouse").count()); i++) {
      await o.page.locator('#options button[value$="=?"]').first().click();
      await nextTurn(o);
    }
    await option(o.page, "#members=spouse").waitFor();
  }

  /** A couple of 70 and 68, then "results". */
  async function toResults(o: OpenPage): Promise<void> {
    await toMembers(o);
    await option(o.page, "#members=spouse").click();
    await confirm(o.page).click();
    await nextTurn(o);
    await option(o.page, "#members=none").click();
    await nextTurn(o);
    await type(o, INPUT, "68");
    await type(o, INPUT, "结果");
    await o.page.locator(".msg.results").last().waitFor();
  }

  /** Nothing wider than the screen, and every button big enough to tap (44 px). */
  async function expectFits(page: Page, buttons: string): Promise<void> {
    const wide = await page.evaluate("((s) => [document.documentElement.scrollWidth - innerWidth, s.scrollWidth - s.clientWidth])(document.getElementById('scroller'))");
    expect(wide, "horizontal overflow").toEqual([0, 0]);
    // Shown ones only (a hidden "clear" has no box).
    const boxes = await page.locator(buttons).evaluateAll((list) => list.map((b) => [b.textContent, b.getBoundingClientRect().height, b.getBoundingClientRect().width] as const).filter(([, height]) => height > 0));
    for (const box of boxes) {
      expect(box[1], `height of ${box[0]}`).toBeGreaterThanOrEqual(44);
      expect(box[2], `width of ${box[0]}`).toBeGreaterThanOrEqual(44);
    }
  }

  it("picks several household members, each tap of a relation one more person, and confirms them in one answer", async () => {
    const o = await open();
    const { page } = o;
    await toMembers(o);
    await expect(page.locator(".choose-hint").textContent()).resolves.toBe(zh("web.chooseSeveral"));
    await expect(confirm(page).isDisabled()).resolves.toBe(true);

    await option(page, "#members=spouse").click();
    await option(page, "#members=child").click();
    await option(page, "#members=child").click();
    await expect(option(page, "#members=spouse").getAttribute("aria-pressed")).resolves.toBe("true");
    await expect(option(page, "#members=child").textContent()).resolves.toBe(`${zh("relation.child")} \u00d72`);
    await expect(option(page, "#members=parent").getAttribute("aria-pressed")).resolves.toBe("false");
    // A spouse is one person: a second tap takes it back.
    await option(page, "#members=spouse").click();
    await expect(option(page, "#members=spouse").getAttribute("aria-pressed")).resolves.toBe("false");
    await option(page, "#members=spouse").click();
    await shot(page, `${size}-members-chosen`);
    await expectFits(page, "#options button");

    await confirm(page).click();
    await nextTurn(o);
    await expect(lastUser(page).textContent()).resolves.toBe(`${zh("relation.spouse")}${zh("web.listSeparator")}${zh("relation.child")} \u00d72`);
    expect((await stored(page))!.profile.members.map((m) => m.relation)).toEqual(["self", "spouse", "child", "child"]);
    expect(o.errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("sends 'none' and 'don't know' at once, and clears a selection", async () => {
    const o = await open();
    const { page } = o;
    await toMembers(o);
    await option(page, "#members=child").click();
    await options(page).getByRole("button", { name: zh("web.clearChoice") }).click();
    await expect(option(page, "#members=child").getAttribute("aria-pressed")).resolves.toBe("false");
    await expect(confirm(page).isDisabled()).resolves.toBe(true);
    await option(page, "#members=none").click();
    await nextTurn(o);
    await expect(lastUser(page).textContent()).resolves.toBe(zh("members.nobody"));
    expect((await stored(page))!.profile.members).toHaveLength(1);
    expect(o.errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("does not offer a second spouse when asked who else lives there", async () => {
    const o = await open();
    const { page } = o;
    await toMembers(o);
    await option(page, "#members=spouse").click();
    await confirm(page).click();
    await nextTurn(o);
    await expect(page.locator(".msg.bot .text").last().textContent()).resolves.toBe(zh("q.membersMore"));
    await expect(option(page, "#members=spouse").count()).resolves.toBe(0);
    await expect(option(page, "#members=child").isVisible()).resolves.toBe(true);
    await shot(page, `${size}-members-again`);
    expect(o.errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("shows the results as cards: a tapped line opens its details, with phone numbers to call; the result buttons work", async () => {
    const o = await open();
    const { page } = o;
    await toResults(o);
    const results = page.locator(".msg.results").last();
    await expect(results.locator(".results-title").textContent()).resolves.toBe(zh("results.title"));
    const heads = await results.locator(".card .card-head").allTextContents();
    expect(heads).toEqual(expect.arrayContaining([zh("results.person", { who: zh("who.self") })]));
    expect(heads.some((t) => t.startsWith(zh("results.person", { who: zh("who.spouse") })))).toBe(true);
    const lines = results.locator(".result-line");
    expect(await lines.count()).toBeGreaterThanOrEqual(3);
    const actions = await options(page).locator("button").allTextContents();
    expect(actions).toEqual(["继续", "全部", "待定", "我的回答", "返回", "打印"]);
    await shot(page, `${size}-results`);
    await expectFits(page, "#options button, .result-line, #answers summary");

    // The closing reply names 12345: a link to call it, the text itself unchanged.
    const closing = page.locator(".msg.bot .text", { hasText: zh("results.disclaimer") }).last();
    await expect(closing.locator('a[href="tel:12345"]').textContent()).resolves.toBe("12345");
    await expect(closing.textContent()).resolves.toContain(zh("results.disclaimer"));

    const name = (await lines.nth(1).textContent())!.replace(/^\d+\.\s*/, "").replace(/[（(].*$/, "");
    await lines.nth(1).click();
    await nextTurn(o);
    await expect(lastUser(page).textContent()).resolves.toBe(zh("webActions.details", { n: 2 }));
    const details = page.locator(".msg.bot .text").filter({ hasText: name }).last();
    await expect(details.isVisible()).resolves.toBe(true);
    const tel = await page.locator(".msg.bot a.tel").evaluateAll((links) => links.map((a) => [a.getAttribute("href"), a.textContent]));
    expect(tel.length).toBeGreaterThan(0);
    for (const [href, text] of tel) expect(href).toBe(`tel:${text!.replace(/\D/g, "")}`);
    await shot(page, `${size}-details`);

    await options(page).getByRole("button", { name: "待定", exact: true }).click();
    await nextTurn(o);
    await expect(page.locator(".msg.bot .text", { hasText: zh("pending.title") }).last().isVisible()).resolves.toBe(true);
    await expect(options(page).locator("button").allTextContents()).resolves.toEqual(actions);
    expect(o.errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("keeps the cards, the buttons and the answers across a reload", async () => {
    const o = await open();
    const { page } = o;
    await toResults(o);
    const cards = await page.locator(".msg.results .card").allTextContents();
    const answers = await page.locator("#answers .answer-text").allTextContents();
    await page.reload();
    o.turns = 0;
    await page.locator(".msg.results").last().waitFor();
    await expect(page.locator(".msg.results .card").allTextContents()).resolves.toEqual(cards);
    await expect(page.locator("#answers .answer-text").allTextContents()).resolves.toEqual(answers);
    await options(page).getByRole("button", { name: "我的回答", exact: true }).click();
    await nextTurn(o);
    await expect(page.locator(".msg.bot .text").last().textContent()).resolves.toContain(answers[0]!);
    await page.locator(".result-line").first().click();
    await nextTurn(o);
    await expect(lastUser(page).textContent()).resolves.toBe(zh("webActions.details", { n: 1 }));
    expect(o.errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("lists the answers in a panel that folds; 'change' asks that question again", async () => {
    const o = await open();
    const { page } = o;
    await toResults(o);
    const panel = page.locator("#answers");
    await expect(panel.isVisible()).resolves.toBe(true);
    await expect(panel.locator("li").first().isVisible()).resolves.toBe(false);
    await panel.locator("summary").click();
    const items = panel.locator("li");
    const texts = await items.locator(".answer-text").allTextContents();
    expect(texts).toEqual(expect.arrayContaining([expect.stringContaining("70")]));
    await expect(panel.locator("#answers-count").textContent()).resolves.toBe(String(texts.length));
    await shot(page, `${size}-answers`);
    await expectFits(page, "#answers .change");

    const age = texts.findIndex((t) => t.includes("70"));
    await items.nth(age).getByRole("button").click();
    await nextTurn(o);
    await expect(lastUser(page).textContent()).resolves.toBe(zh("webActions.change", { n: age + 1 }));
    await expect(page.locator(".msg.bot .text").last().textContent()).resolves.toBe(zh("q.age_self"));
    await expect(panel.getAttribute("open")).resolves.toBeNull();
    await type(o, INPUT, "75");
    await panel.locator("summary").click();
    await expect(items.nth(age).locator(".answer-text").textContent()).resolves.toContain("75");
    expect(o.errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("asks before deleting: cancel keeps everything, delete forgets it here and on the server", async () => {
    const o = await open();
    const { page } = o;
    await type(o, INPUT, "70");
    // What the user types is shown as text, never as markup.
    await type(o, INPUT, '<img src=x onerror="window.hacked=1">');
    await expect(lastUser(page).textContent()).resolves.toBe('<img src=x onerror="window.hacked=1">');
    await expect(page.locator("#log img").count()).resolves.toBe(0);
    const session = await sessionOf(page);
    expect(await h.store.get(`web:${session}`)).toBeDefined();

    const dialog = page.locator("#confirm-delete");
    await page.getByRole("button", { name: zh("web.delete"), exact: true }).click();
    await expect(dialog.isVisible()).resolves.toBe(true);
    await expect(dialog.textContent()).resolves.toContain(zh("web.deleteConfirm"));
    await shot(page, `${size}-delete-confirm`);
    await expectFits(page, "#confirm-delete button");
    await page.getByRole("button", { name: zh("web.deleteNo") }).click();
    await expect(dialog.isVisible()).resolves.toBe(false);
    expect(await h.store.get(`web:${session}`)).toBeDefined();
    await expect(page.locator(".msg.user").count()).resolves.toBe(2);

    await page.getByRole("button", { name: zh("web.delete"), exact: true }).click();
    await page.getByRole("button", { name: zh("web.deleteYes"), exact: true }).click();
    await nextTurn(o);
    await expect(page.locator(".msg.note .text").first().textContent()).resolves.toBe(zh("web.deleted"));
    await expect(page.locator(".msg.user").count()).resolves.toBe(0);
    expect(await h.store.get(`web:${session}`)).toBeUndefined();
    expect(await page.evaluate("sessionStorage.getItem('sdbot.log') ?? ''")).not.toContain("70");
    await expect(page.locator("#answers").isVisible()).resolves.toBe(false);
    expect(await page.evaluate("window.hacked")).toBeUndefined();
    expect(o.errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("opens the printable handout after 'print', with every service found, and leaves a link to it", async () => {
    const o = await open();
    const { page } = o;
    const blocked: string[] = [];
    page.context().on("console", (m) => m.text().includes("Content Security Policy") && blocked.push(m.text()));
    await toResults(o);
    const popup = page.context().waitForEvent("page");
    await options(page).getByRole("button", { name: "打印", exact: true }).click();
    await nextTurn(o);
    const handout = await popup;
    await handout.waitForLoadState();
    const session = await sessionOf(page);
    expect(new URL(handout.url()).pathname).toBe("/handout");
    expect(new URL(handout.url()).searchParams.get("session")).toBe(session);

    const state = (await stored(page))!;
    const names = buildHandout(zh, "zh-CN", state.profile, ruleset(), new Date()).services.map((s) => s.name);
    expect(names.length).toBeGreaterThan(0);
    await expect(handout.locator("section.service h3").allTextContents()).resolves.toEqual(names);
    await expect(handout.getByRole("button", { name: zh("handout.print") }).isVisible()).resolves.toBe(true);
    await handout.setViewportSize(viewport);
    await shot(handout, `${size}-handout`);
    const wide = await handout.evaluate("document.documentElement.scrollWidth - innerWidth");
    expect(wide).toBe(0);
    // Printed, the button is not on the paper.
    await handout.emulateMedia({ media: "print" });
    await expect(handout.getByRole("button", { name: zh("handout.print") }).isVisible()).resolves.toBe(false);

    const link = page.locator(".msg.bot a.handout-link").last();
    await expect(link.textContent()).resolves.toBe(zh("web.handoutOpen"));
    await expect(link.getAttribute("href")).resolves.toBe(`/handout?session=${session}`);
    await expect(link.getAttribute("rel")).resolves.toBe("noopener");
    expect(blocked).toEqual([]);
    expect(o.errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
