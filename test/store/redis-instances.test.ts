// Issue 10's proof for many instances: two servers (separate processes) on one real Redis.
// - 100 concurrent turns for one user, spread over both: none lost, none applied twice, and the result is
//   the same as the 100 turns applied one after another.
// - One instance killed mid-load: the other goes on.
// - Redis restarted: the users get "send again" and the log an error, never a crash; then it works again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatSessions } from "../../src/channels/mod.js";
import { translator } from "../../src/i18n/mod.js";
import { MemoryStore } from "../../src/store/mod.js";
import { haveRedis, startRedis, type RedisProcess } from "../helpers/redis-server.js";
import { startServer, type ServerProcess } from "../helpers/server-process.js";

interface ChatBody {
  session: string;
  turn: number;
  replies: { text: string }[];
}

const SESSION = "6f9619ff-8b86-4011-b42d-00c04fc964ff";

async function chat(server: ServerProcess, body: Record<string, unknown>): Promise<ChatBody> {
  const res = await fetch(`${server.url}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  return (await res.json()) as ChatBody;
}

describe.skipIf(!haveRedis)("two instances on one Redis", () => {
  let redis: RedisProcess;
  let a: ServerProcess;
  let b: ServerProcess;
  const env = () => ({ STORE: "redis", REDIS_URL: redis.url, REDIS_PREFIX: "two:", RATE_LIMIT_WEB_PER_MINUTE: "100000" });

  beforeAll(async () => {
    redis = await startRedis();
    [a, b] = await Promise.all([startServer(env()), startServer(env())]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.stop("SIGKILL"), b?.stop("SIGKILL")]);
    await redis?.kill();
  });

  it("applies 100 concurrent turns for one user exactly once each, in one order, as if one after another", async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => chat(i % 2 === 0 ? a : b, { session: SESSION, text: "不知道" })));
    const turns = answers.map((r) => r.turn).sort((x, y) => x - y);
    expect(turns).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));

    // The same 100 inputs, one after another, in one process: each turn's replies must be the ones the
    // instances gave for that turn number.
    const sequential = new ChatSessions(new MemoryStore());
    const expected: string[] = [];
    for (let i = 0; i < 100; i++) expected.push((await sequential.handle(`web:${SESSION}`, "不知道")).replies.map((r) => r.text).join("\n"));
    const byTurn = new Map(answers.map((r) => [r.turn, r.replies.map((x) => x.text).join("\n")]));
    for (let turn = 1; turn <= 100; turn++) expect(byTurn.get(turn), `turn ${turn}`).toBe(expected[turn - 1]);
  }, 60_000);

  it("goes on with the other instance when one is killed mid-load", async () => {
    const users = Array.from({ length: 10 }, (_, i) => `${SESSION.slice(0, -2)}${String(10 + i)}`);
    let killed = false;
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, async (_, i) => {
        if (i === 100 && !killed) {
          killed = true;
          await a.stop("SIGKILL");
        }
        // Each user is sent to both instances, so each has turns on the one that is left.
        return chat(i % 2 === 0 ? a : b, { session: users[Math.floor(i / 2) % users.length], text: "不知道" });
      }),
    );
    const fromB = results.filter((r, i) => i % 2 === 1 && r.status === "fulfilled").length;
    expect(fromB).toBe(100);
    // Every user can go on with the instance that is left, from wherever their conversation got to.
    for (const user of users) {
      const next = await chat(b, { session: user, text: "不知道" });
      expect(next.turn).toBeGreaterThan(1);
    }
  }, 60_000);

  it("answers 'send again' while Redis is down, never crashes, and recovers when it is back", async () => {
    await redis.kill();
    const during = await chat(b, { session: SESSION, text: "35" });
    expect(during.replies.map((r) => r.text)).toEqual([translator("zh-CN")("service.tryAgain")]);
    expect((await fetch(`${b.url}/healthz`)).status).toBe(503);
    expect(b.lines.some((l) => l.includes('"event":"session.store-failed"'))).toBe(true);
    await redis.restart();
    let healthy = false;
    for (let i = 0; i < 100 && !healthy; i++) {
      healthy = (await fetch(`${b.url}/healthz`)).status === 200;
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(healthy).toBe(true);
    const after = await chat(b, { session: SESSION, text: "35" });
    expect(after.replies.length).toBeGreaterThan(0);
    expect(after.replies[0]!.text).not.toBe(translator("zh-CN")("service.tryAgain"));
    expect(b.child.exitCode).toBeNull();
  }, 60_000);
});
