// What only the lowdb file store does: survive restarts, recover from a corrupt file, never leave a broken
// one, take back a failed write, and sweep expired sessions out of the file by itself.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../src/paths.js";
import { createStore, LowdbStore } from "../../src/store/mod.js";
import { capturedLog } from "../helpers/log.js";
import { sessionStoreContract } from "./contract.js";

const parent = await mkdtemp(join(tmpdir(), "lowdb-store-"));
afterAll(() => rm(parent, { recursive: true, force: true }));

const freshDir = () => mkdtemp(join(parent, "d-"));
const quiet = {};

sessionStoreContract("LowdbStore", async (options) => LowdbStore.open({ ...options, dir: await freshDir() }));

describe("LowdbStore", () => {
  it("reads back what an earlier instance wrote", async () => {
    const dir = await freshDir();
    const state = { step: "income", answers: { city: "青岛", note: "😀\u2028<&>]]>" } };
    const a = await LowdbStore.open({ dir, now: () => 1000 });
    await a.set("wechat:oABC", state);
    await a.set("wechat:oABC", state);
    expect(await a.claim("wechat-seen:1", 60_000)).toBe(true);
    await a.close();
    const b = await LowdbStore.open({ dir, now: () => 2000 });
    expect(await b.get("wechat:oABC")).toEqual({ state, updatedAt: 1000, version: 2 });
    expect(await b.claim("wechat-seen:1", 60_000)).toBe(false);
    await b.close();
  });

  it("creates a missing nested directory (0700) and writes the file with mode 0600", async () => {
    const dir = join(await freshDir(), "a", "b");
    const store = await LowdbStore.open({ dir });
    await store.set("cli:local", 1);
    await store.close();
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, "sessions.json"))).mode & 0o777).toBe(0o600);
  });

  it("keeps all of 200 concurrent sets across a reopen, and leaves no temp files", async () => {
    const dir = await freshDir();
    const store = await LowdbStore.open({ dir });
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.set(`telegram:${i}`, { i, text: "办理".repeat(i) })));
    await store.close();
    expect(await readdir(dir)).toEqual(["sessions.json"]);
    const again = await LowdbStore.open({ dir });
    for (let i = 0; i < 200; i++) expect((await again.get(`telegram:${i}`))?.state).toEqual({ i, text: "办理".repeat(i) });
    await again.close();
  });

  it("removes a deleted session from the file itself", async () => {
    const dir = await freshDir();
    const store = await LowdbStore.open({ dir });
    await store.set("web:gone", { secret: "身份证 370102" });
    await store.set("web:kept", { v: 1 });
    await store.delete("web:gone");
    const text = await readFile(join(dir, "sessions.json"), "utf8");
    expect(text).not.toContain("web:gone");
    expect(text).not.toContain("370102");
    await store.close();
  });

  it("purges expired sessions from the file on later writes and drops them on reopen", async () => {
    const dir = await freshDir();
    const clock = { t: 0 };
    const store = await LowdbStore.open({ dir, ttlMs: 1000, now: () => clock.t });
    await store.set("web:old", { v: "old" });
    clock.t = 1000;
    await store.set("web:new", { v: "new" });
    await store.close();
    expect(await readFile(join(dir, "sessions.json"), "utf8")).not.toContain("web:old");

    const again = await LowdbStore.open({ dir, ttlMs: 1000, now: () => 2500 });
    expect(await again.get("web:new")).toBeUndefined();
    await again.close();
  });

  it.each([
    ["not JSON", '{"version":1,"sessions":{"web:a":{"updatedAt":1,"state":'],
    ["empty", ""],
    ["JSON of another shape", '["web:a"]'],
    ["another version", '{"version":3,"sessions":{},"claims":{}}'],
    ["an entry without updatedAt", '{"version":1,"sessions":{"web:a":{"state":1}}}'],
  ])("moves a corrupt file (%s) aside, logs one line without content, and starts empty", async (_what, content) => {
    const dir = await freshDir();
    await writeFile(join(dir, "sessions.json"), content);
    const log = capturedLog();
    const store = await LowdbStore.open({ dir, log: log.logger });
    expect(await store.get("web:a")).toBeUndefined();
    expect(log.events()).toEqual(["store.corrupt-file"]);
    expect(log.lines[0]).toMatch(/sessions\.json.*corrupt/);
    expect(log.lines[0]).not.toContain("web:a");
    const aside = (await readdir(dir)).filter((f) => f.startsWith("sessions.json.corrupt-"));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0]!), "utf8")).toBe(content);
    await store.set("web:b", 1);
    await store.close();
    expect(JSON.parse(await readFile(join(dir, "sessions.json"), "utf8"))).toMatchObject({ sessions: { "web:b": { state: 1 } } });
  });

  it("removes temp files of dead processes when opening, but not those of live ones", async () => {
    const dir = await freshDir();
    const dead = join(dir, ".sessions.json.999999999-abcd.0.tmp"); // above Linux's pid_max, so never alive
    const live = join(dir, `.sessions.json.${process.ppid}-abcd.0.tmp`);
    await writeFile(dead, "{");
    await writeFile(live, "{");
    const store = await LowdbStore.open({ dir, ...quiet });
    await store.close();
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });

  it("reads the first file format (before lowdb) and writes the current one", async () => {
    const dir = await freshDir();
    await writeFile(join(dir, "sessions.json"), JSON.stringify({ version: 1, sessions: { "web:a": { updatedAt: 1000, state: { n: 1 } } } }));
    const store = await LowdbStore.open({ dir, now: () => 2000 });
    expect(await store.get("web:a")).toEqual({ state: { n: 1 }, updatedAt: 1000, version: 1 });
    await store.close();
    expect(JSON.parse(await readFile(join(dir, "sessions.json"), "utf8"))).toMatchObject({ version: 2 });
  });

  it("is what createStore builds for { kind: 'file' }", async () => {
    const dir = await freshDir();
    const store = await createStore({ kind: "file", dir }, { ttlMs: 5000 });
    expect(store).toBeInstanceOf(LowdbStore);
    await store.set("cli:local", { ok: 1 });
    await store.close();
    expect(existsSync(join(dir, "sessions.json"))).toBe(true);
  });
});

describe("LowdbStore when the disk fails", () => {
  it("takes a failed write back in memory, reports unhealthy, and recovers once writes work again", async () => {
    const dir = await freshDir();
    const log = capturedLog();
    const store = await LowdbStore.open({ dir, log: log.logger });
    await store.set("web:a", { step: 1 });
    // A directory where the file should be: the rename over it fails, for root too (which ignores file modes).
    await rm(join(dir, "sessions.json"));
    await mkdir(join(dir, "sessions.json"));
    await expect(store.set("web:a", { step: 2 })).rejects.toThrow();
    await expect(store.set("web:new", { step: 1 })).rejects.toThrow();
    expect((await store.get("web:a"))?.state).toEqual({ step: 1 });
    expect(await store.get("web:new")).toBeUndefined();
    expect((await store.health()).ok).toBe(false);
    expect(log.events()).toContain("store.write-failed");
    await rm(join(dir, "sessions.json"), { recursive: true });
    await store.set("web:a", { step: 2 });
    expect((await store.health()).ok).toBe(true);
    await store.close();
    const again = await LowdbStore.open({ dir });
    expect((await again.get("web:a"))?.state).toEqual({ step: 2 });
    await again.close();
  });

  it("makes the state directory again when it was removed under a running store", async () => {
    const dir = join(await freshDir(), "state");
    const store = await LowdbStore.open({ dir });
    await rm(dir, { recursive: true, force: true });
    await store.set("web:a", 1);
    await store.close();
    expect(existsSync(join(dir, "sessions.json"))).toBe(true);
  });
});

describe("LowdbStore housekeeping", () => {
  it("sweeps expired sessions out of the file on its timer, without another write", async () => {
    const dir = await freshDir();
    const clock = { t: 0 };
    const store = await LowdbStore.open({ dir, ttlMs: 1000, now: () => clock.t, sweepEveryMs: 20 });
    await store.set("web:old", { secret: "370102" });
    clock.t = 1000;
    await waitFor(async () => !(await readFile(join(dir, "sessions.json"), "utf8")).includes("370102"));
    await store.close();
  });

  it("drops expired sessions from the file at start-up", async () => {
    const dir = await freshDir();
    const first = await LowdbStore.open({ dir, ttlMs: 1000, now: () => 0 });
    await first.set("web:old", { secret: "370102" });
    await first.close();
    const second = await LowdbStore.open({ dir, ttlMs: 1000, now: () => 5000 });
    expect(await readFile(join(dir, "sessions.json"), "utf8")).not.toContain("370102");
    await second.close();
  });

  it("deletes copies of a corrupt file after keepCorruptDays, and keeps younger ones", async () => {
    const dir = await freshDir();
    const old = join(dir, "sessions.json.corrupt-2020-01-01T00-00-00-000Z");
    const young = join(dir, "sessions.json.corrupt-2026-01-01T00-00-00-000Z");
    await writeFile(old, "{");
    await writeFile(young, "{");
    const now = Date.now();
    await utimes(old, new Date(now - 8 * 86_400_000), new Date(now - 8 * 86_400_000));
    const store = await LowdbStore.open({ dir, keepCorruptDays: 7 });
    await store.close();
    expect(existsSync(old)).toBe(false);
    expect(existsSync(young)).toBe(true);
  });
});

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("condition not met");
}

describe("LowdbStore under kill -9", () => {
  const KILLS = 20;

  it(`always leaves a parseable file when the writer is killed ${KILLS} times at random moments`, async () => {
    const dir = await freshDir();
    const counters: number[] = [];
    let leftTempFiles = 0;
    for (let k = 0; k < KILLS; k++) {
      await runAndKill(dir, Math.random() * 150);
      const names = await readdir(dir);
      if (names.some((n) => n.endsWith(".tmp"))) leftTempFiles++;
      expect(names.filter((n) => n.includes("corrupt"))).toEqual([]);
      const data = JSON.parse(await readFile(join(dir, "sessions.json"), "utf8")) as { sessions: Record<string, { state: unknown }> };
      counters.push(data.sessions["meta:counter"]!.state as number);
    }
    // Progress was made (the kills did not all land before the first write) and never went backwards.
    expect(counters.at(-1)).toBeGreaterThan(counters[0]!);
    expect([...counters].sort((a, b) => a - b)).toEqual(counters);
    console.log(`kill -9 x${KILLS}: counters ${counters.join(",")}; a temp file was left ${leftTempFiles} times`);

    const log = capturedLog();
    const store = await LowdbStore.open({ dir, log: log.logger });
    expect(log.lines).toEqual([]);
    expect((await store.get("web:0"))?.state).toMatchObject({ i: 0 });
    await store.close();
    expect((await readdir(dir)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  }, 120_000);
});

/** Starts the crash writer, waits for its first complete write, lets it run `ms` longer, then SIGKILLs it. */
function runAndKill(dir: string, ms: number): Promise<void> {
  const script = join(ROOT, "test", "store", "fixtures", "crash-writer.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script, dir], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.once("data", () => setTimeout(() => child.kill("SIGKILL"), ms));
    child.once("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve();
      else reject(new Error(`crash writer exited by itself (code ${code}): ${stderr}`));
    });
  });
}
