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
    const run = chat(["35", "外省", "8个月", "没有", "没有", "没有", "三千五", "就我一个", "结果"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("您今年多大年纪？");
    expect(run.stdout).toContain("核对结果如下");
    expect(run.stdout).toContain("12345");
    expect(run.stdout).toContain("关于居住证");
  });

  it("speaks English when asked", () => {
    const run = chat(["English", "67", "1", "no", "none", "don't know", "no", "results"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("How old are you?");
    expect(run.stdout).toContain("Here are the results");
  });

  it("exports answers, results and sources as Markdown and JSON, readable only by the owner", () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-export-"));
    const md = join(dir, "client.md");
    const json = join(dir, "client.json");
    const run = chat(["72", "本地", "是", "二级", "低保", "700", "没有", `/export ${md}`, `/export ${json}`, "/export nowhere.txt"]);
    expect(run.status).toBe(0);
    const text = readFileSync(md, "utf8");
    expect(text).toContain("# 山东省基本公共服务核对记录");
    expect(text).toContain("重度残疾人护理补贴");
    expect(text).toMatch(/来源: .*http/);
    const doc = JSON.parse(readFileSync(json, "utf8"));
    expect(doc.answers.members[0]).toMatchObject({ age: 72, disabled: true, disabilityGrade: 2 });
    expect(doc.results.find((r: { rule: string }) => r.rule === "disability-care-subsidy").status).toBe("eligible");
    expect(statSync(md).mode & 0o077).toBe(0);
    expect(run.stdout).toContain("/export 文件名.md");
  });

  it("/new starts the next client with nothing of the last one kept", () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-new-"));
    const file = join(dir, "next.json");
    const run = chat(["72", "本地", "/new", `/export ${file}`]);
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).answers).toEqual({ members: [{ relation: "self" }] });
  });
});
