import { chromium } from "playwright-core";
const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args });
const url = process.argv[2] ?? "http://127.0.0.1:8099/";
for (const [name, viewport, mobile] of [["phone", { width: 390, height: 844 }, true], ["desktop", { width: 1366, height: 860 }, false]]) {
  const context = await browser.newContext({ viewport, isMobile: mobile, hasTouch: mobile, deviceScaleFactor: mobile ? 2 : 1 });
  const page = await context.newPage();
  page.on("console", (m) => console.log(name, "console:", m.type(), m.text()));
  page.on("pageerror", (e) => console.log(name, "pageerror:", e.message));
  await page.goto(url);
  await page.locator('#log[data-turns="1"]').waitFor();
  await page.screenshot({ path: `/tmp/web-${name}-1.png` });
  await page.fill("#input", "40");
  await page.press("#input", "Enter");
  await page.locator('#log[data-turns="2"]').waitFor();
  await page.screenshot({ path: `/tmp/web-${name}-2.png` });
  let turns = 2;
  for (let i = 0; i < 15; i++) {
    const n = await page.locator("#options button").count();
    if (n === 0) break;
    let picked = page.locator('#options button[value$="=none"], #options button[value$="=false"]').first();
    if (!(await picked.count())) picked = page.locator("#options button").first();
    await picked.click();
    turns++;
    await page.locator(`#log[data-turns="${turns}"]`).waitFor();
    if (i === 3) await page.screenshot({ path: `/tmp/web-${name}-mid.png` });
  }
  await page.screenshot({ path: `/tmp/web-${name}-3.png` });
  console.log(name, "focused:", await page.evaluate("document.activeElement && (document.activeElement.id || document.activeElement.tagName)"));
  await page.click("#lang");
  turns++;
  await page.locator(`#log[data-turns="${turns}"]`).waitFor();
  await page.screenshot({ path: `/tmp/web-${name}-4.png` });
  await page.click("#restart");
  turns++;
  await page.locator(`#log[data-turns="${turns}"]`).waitFor();
  await page.screenshot({ path: `/tmp/web-${name}-5.png` });
  await context.close();
}
await browser.close();
