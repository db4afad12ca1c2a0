// The terminal chat in a real pseudo-terminal (util-linux `script`), as a person at a keyboard sees
// it: a prompt, and what they type shown back.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../../src/paths.js";

const MAIN = join(ROOT, "dist", "channels", "cli", "main.js");
const SCRIPT = "/usr/bin/script";

/** Runs the chat in a pty, typing each line once the output so far ends with the prompt. */
function typeInto(lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(SCRIPT, ["-qfec", `"${process.execPath}" "${MAIN}"`, "/dev/null"], { cwd: ROOT, env: { ...process.env, BOT_LANG: "zh-CN", TERM: "dumb" } });
    let out = "";
    let typed = 0;
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no prompt after ${typed} lines:\n${out}`));
    }, 20_000);
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      // readline redraws the prompt with escape codes: look for it at the very end of the output.
      if (typed < lines.length && /> $/.test(out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, ""))) child.stdin.write(`${lines[typed++]}\r`);
    });
    child.on("exit", () => {
      clearTimeout(timer);
      resolve(out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, ""));
    });
  });
}

describe.skipIf(!existsSync(SCRIPT) || !existsSync(MAIN))("npm start in a terminal", () => {
  it("shows a prompt and echoes what is typed", async () => {
    const out = await typeInto(["65", "/quit"]);
    expect(out).toContain("您今年多大年纪？");
    expect(out).toMatch(/> 65\r*\n/);
    expect(out).toContain("您的户口在哪里？");
    expect(out).toMatch(/> \/quit/);
  });
});
