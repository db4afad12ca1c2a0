// The web chat in a real browser: Debian's Chromium driven by playwright-core against a server on 127.0.0.1.
// A whole screening by tapping options and typing answers until the results show, phone numbers as links,
// and the English toggle.
//
// Needs /usr/bin/chromium (`apt-get update && apt-get install -y chromium`). Without it the test is skipped,
// except in CI (CI set), where a missing browser is a failure.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../../src/i18n/mod.js";
import { launch, skip, STEP_MS, warnIfSkipped } from "./browser.js";
import { startWebServer, type Harness } from "./harness.js";

warnIfSkipped("e2e");
const zh = translator("zh-CN");
const en = translator("en");

describe.skipIf(skip)("web chat in Chromium", () => {
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

  /** Opens the page in a fresh context (its own sessionStorage) and waits for the welcome. */
  async function open(viewport = { width: 390, height: 844 }): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await page.goto(`${h.url}/`);
    await turn(page, 1);
    return { page, errors };
  }

  /** Waits until the page has shown the server's `n`th answer. */
  async function turn(page: Page, n: number): Promise<void> {
    await page.locator(`#log[data-turns="${n}"]`).waitFor({ timeout: STEP_MS });
  }

  const bot = (page: Page, text: string) => page.locator(".msg.bot .text", { hasText: text }).last();

  it("completes a screening with taps and typed answers until the results show", async () => {
    const { page, errors } = await open();
    await expect(bot(page, zh("q.age_self")).isVisible()).resolves.toBe(true);
    const session = await page.evaluate("sessionStorage.getItem('sdbot.session')");
    expect(session).toMatch(/^[0-9a-f-]{36}$/);

    // The age is typed, with the labelled input and Enter.
    let turns = 1;
    await page.getByLabel(zh("web.inputLabel")).fill("40");
    await page.getByLabel(zh("web.inputLabel")).press("Enter");
    await turn(page, ++turns);
    await expect(page.locator(".msg.user .text").last().textContent()).resolves.toBe("40");

    // Then whatever is asked: "no"/"none" where offered (typed once as 没有, tapped otherwise),
    // else the first option; "结果" if the questions have not ended after a while.
    const results = bot(page, zh("results.title"));
    let typedNo = false;
    let tapped = 0;
    for (let step = 0; step < 25 && !(await results.count()); step++) {
      const buttons = page.locator("#options button");
      const no = page.locator('#options button[value$="=none"], #options button[value$="=false"]').first();
      if (step === 15) {
        await page.getByLabel(zh("web.inputLabel")).fill("结果");
        await page.getByRole("button", { name: zh("web.send") }).click();
      } else if ((await no.count()) && !typedNo && (await no.getAttribute("value"))!.endsWith("=false")) {
        typedNo = true;
        await page.getByLabel(zh("web.inputLabel")).fill("没有");
        await page.getByLabel(zh("web.inputLabel")).press("Enter");
      } else if (await no.count()) {
        const label = (await no.textContent())!;
        await page.locator("#options").getByRole("button", { name: label, exact: true }).click();
        tapped++;
      } else if (await buttons.count()) {
        await buttons.first().click();
        tapped++;
      } else {
        await page.getByLabel(zh("web.inputLabel")).fill("结果");
        await page.getByLabel(zh("web.inputLabel")).press("Enter");
      }
      await turn(page, ++turns);
    }
    expect(typedNo).toBe(true);
    expect(tapped).toBeGreaterThanOrEqual(3);
    await expect(results.isVisible()).resolves.toBe(true);
    expect(await page.locator(".msg.bot").count()).toBeGreaterThan(turns);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 50_000);

  it("links phone numbers, and nothing else, in the bot's text", async () => {
    const { page, errors } = await open({ width: 390, height: 844 });
    const cases: [string, string[]][] = [
      ["拨打12345咨询", ["12345"]],
      ["咨询电话：12348 / 110", ["12348", "110"]],
      ["立即拨打119；", ["119"]],
      ["Call 119 at once, or 12333.", ["119", "12333"]],
      ["0531-86000000 or 13812345678 or 400-123-4567", ["0531-86000000", "13812345678", "400-123-4567"]],
      ["提高到110%", []],
      ["在120个县", []],
      ["110. 某项服务", []],
      ["（80元/人/月，2019年全省标准）12000元", []],
      ["https://110ask.com/x 123456789012", []],
      ["<b>12345</b><img src=x>", ["12345"]],
    ];
    const seen = (await page.evaluate(`(async () => {
      const { linkify } = await import("/render.js");
      return ${JSON.stringify(cases.map(([text]) => text))}.map((text) => {
        const p = document.createElement("p");
        p.append(linkify(text));
        return { text: p.textContent, links: [...p.querySelectorAll("a")].map((a) => [a.textContent, a.getAttribute("href")]), elements: p.querySelectorAll("*").length };
      });
    })()`)) as { text: string; links: [string, string][]; elements: number }[];
    cases.forEach(([text, numbers], i) => {
      expect(seen[i]!.text, text).toBe(text);
      expect(seen[i]!.links, text).toEqual(numbers.map((n) => [n, `tel:${n.replace(/\D/g, "")}`]));
      expect(seen[i]!.elements, text).toBe(numbers.length);
    });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 30_000);

  it("switches to English: the page's own strings and the bot's question", async () => {
    const { page, errors } = await open({ width: 1280, height: 800 });
    await page.getByRole("button", { name: zh("web.switchLang") }).click();
    await turn(page, 2);
    await expect(bot(page, en("q.age_self")).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: en("web.send") }).isVisible()).resolves.toBe(true);
    await expect(page.evaluate("document.documentElement.lang")).resolves.toBe("en");
    await expect(page.getByPlaceholder(en("web.placeholder")).isVisible()).resolves.toBe(true);

    // The options follow the conversation's language too, and "start over" keeps it.
    await expect(page.locator("#options button").first().textContent()).resolves.toBe(en("answer.skip"));
    await page.getByRole("button", { name: en("web.restart") }).click();
    await turn(page, 3);
    await expect(page.locator(".msg.bot .text").first().textContent()).resolves.toBe(en("welcome"));
    expect(errors).toEqual([]);
    await page.context().close();
  }, 30_000);
});
