// The terminal chat as a newcomer and a caseworker use it: piped answers, clean exit at end of
// input, /export to Markdown and JSON, /new forgetting the last client.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../../src/paths.js";

const MAIN = join(ROOT, "src", "channels", "cli", "main.ts");

function chat(lines: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ["--import", "tsx", MAIN], {
    cwd: ROOT,
    input: `${lines.join("\n")}\n`,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, BOT_LANG: "zh-CN", ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("npm start (terminal chat)", () => {
  it("runs a whole screening from piped input and exits cleanly at end of input", () => {
    const run = chat(["35", "外省", "8个月", "没有", "就我一个", "没有", "结果"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("您今年多大年纪？");
    expect(run.stdout).toContain("核对结果（仅供参考");
    expect(run.stdout).toContain("12345");
    expect(run.stdout).toContain("关于居住证");
  });

  it("speaks English when asked", () => {
    const run = chat(["English", "67", "1", "no one else", "none", "results"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("How old are you?");
    expect(run.stdout).toContain("Results (a first check");
  });

  it("exports the handout as a printable page and Markdown, and the full record as JSON, readable only by the owner", () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-export-"));
    const html = join(dir, "client.html");
    const md = join(dir, "client.md");
    const json = join(dir, "client.json");
    const run = chat(["72", "本地", "没有", "低保", "不知道", "是", "二级", `/export ${html}`, `/export ${md}`, `/export ${json}`, "/export nowhere.txt"]);
    expect(run.status).toBe(0);
    const page = readFileSync(html, "utf8");
    expect(page).toContain("<!doctype html>");
    expect(page).toContain("一次性告知单");
    expect(page).toContain("重度残疾人护理补贴");
    expect(page).toMatch(/<a href="tel:12345">/);
    expect(page).toContain("@media print");
    // A few printed pages, not the whole catalogue: the old export was 384 KB for one household.
    expect(Buffer.byteLength(page)).toBeLessThan(40_000);
    const text = readFileSync(md, "utf8");
    expect(text).toContain("# 山东省基本公共服务 一次性告知单");
    expect(text).toMatch(/依据：.*http/);
    const doc = JSON.parse(readFileSync(json, "utf8"));
    expect(doc.answers.members[0]).toMatchObject({ age: 72, disabled: true, disabilityGrade: 2 });
    expect(doc.results.find((r: { rule: string }) => r.rule === "disability-care-subsidy").status).toBe("eligible");
    for (const file of [html, md, json]) expect(statSync(file).mode & 0o077).toBe(0);
    expect(run.stdout).toContain("/export 文件名.html");
  });

  it("prints the handout when asked for it after the results", () => {
    const run = chat(["72", "本地", "没有", "低保", "结果", "打印"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("# 山东省基本公共服务 一次性告知单");
    expect(run.stdout).toContain("/export 文件名.html");
  });

  it("skips a line it cannot read when piped, so the next line answers the next question", () => {
    const run = chat(["72", "🙂🙂", "没有", "结果"]);
    expect(run.status).toBe(0);
    // The hukou question was left open; "no one else" still answered the household question.
    expect(run.stdout).toContain("这一行没有看懂");
    expect(run.stdout).toMatch(/您家目前享受以下哪些待遇/);
  });

  it("/new starts the next client with nothing of the last one kept", () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-new-"));
    const file = join(dir, "next.json");
    const run = chat(["72", "本地", "/new", `/export ${file}`]);
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).answers).toEqual({ members: [{ relation: "self" }] });
  });
});
