// Debian's Chromium driven by playwright-core, for the web chat's browser tests.
// Without /usr/bin/chromium the tests are skipped, except in CI (CI set), where a missing browser is a failure.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
// The flags that work on this kind of machine (closed network, root, no GPU); see the environment notes.
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export const missing = !existsSync(CHROMIUM);
export const skip = missing && !process.env.CI;
export const STEP_MS = 10_000;

export const PHONE = { width: 390, height: 844 } as const;
export const LAPTOP = { width: 1280, height: 800 } as const;

export function warnIfSkipped(name: string): void {
  if (skip) console.warn(`${name}: SKIPPED: ${CHROMIUM} is missing. Install it with: apt-get update && apt-get install -y chromium`);
}

export async function launch(): Promise<Browser> {
  if (missing) throw new Error(`${CHROMIUM} is missing and CI is set: the CI script must run apt-get update && apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 30_000 });
}

export interface OpenPage {
  readonly page: Page;
  /** Uncaught errors on the page: a test ends by expecting none. */
  readonly errors: string[];
  /** Answers shown so far (the log's data-turns), for waitTurn. */
  turns: number;
}

/** Opens the chat in a fresh context (its own sessionStorage) and waits for the welcome. */
export async function openChat(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<OpenPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_MS);
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await page.goto(`${url}/`);
  const open: OpenPage = { page, errors, turns: 0 };
  await nextTurn(open);
  return open;
}

/** Waits until the page has shown the server's next answer. */
export async function nextTurn(open: OpenPage): Promise<void> {
  open.turns += 1;
  await open.page.locator(`#log[data-turns="${open.turns}"]`).waitFor({ timeout: STEP_MS });
}

/** Types `text` and sends it with Enter, then waits for the answer. */
export async function type(open: OpenPage, label: string, text: string): Promise<void> {
  await open.page.getByLabel(label).fill(text);
  await open.page.getByLabel(label).press("Enter");
  await nextTurn(open);
}

/** Saves a screenshot when WEB_SHOTS names a folder (for looking at the page by eye); otherwise nothing. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.WEB_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}
