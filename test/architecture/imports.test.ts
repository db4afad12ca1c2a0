// Style rule 7: a folder is used from outside only through its mod.ts. This scans every import in src/ and
// fails on one that reaches into another folder's inner file. Files directly in src/ (paths.ts, json-file.ts,
// quiet-pipe.ts), files of an enclosing folder (channels/chat-session.ts for channels/telegram) and files of
// the folder's own subfolders (dialogue/reading for dialogue) are fine: they are all inside the folder.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../src/paths.js";

const SRC = join(ROOT, "src");

/**
 * Imports that predate the rule, in folders whose owner is moving them to mod.ts: listed so that no new one
 * can appear unnoticed. Remove a line when its import is fixed (the test says so when one is stale).
 */
const KNOWN: readonly string[] = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

function violations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = dirname(file);
    for (const [, spec] of readFileSync(file, "utf8").matchAll(/from "(\.[^"]+)"/g)) {
      const target = normalize(join(from, spec!));
      const folder = dirname(target);
      const inside = folder === from || folder === SRC || `${from}${sep}`.startsWith(`${folder}${sep}`) || `${folder}${sep}`.startsWith(`${from}${sep}`);
      if (!inside && !target.endsWith(`${sep}mod.js`)) found.push(`${relative(SRC, file)} ${spec}`);
    }
  }
  return found;
}

describe("imports between folders", () => {
  it("go through the other folder's mod.ts", () => {
    expect(violations().filter((v) => !KNOWN.includes(v))).toEqual([]);
  });

  it("lists no known exception that has been fixed meanwhile", () => {
    const now = violations();
    expect(KNOWN.filter((k) => !now.includes(k))).toEqual([]);
  });
});
