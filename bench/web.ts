// Web chat turns per second and p99 latency, against a bare node:http server measured in the same run,
// with the memory, lowdb and Redis stores holding 0 to 50,000 conversations. The server runs in a process
// of its own (bench/web-server.ts); this process is the load: CONCURRENCY users, each opening a
// conversation and answering its questions, counted per answered turn (the requests that store).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../src/paths.js";
import { haveRedis, startRedis } from "../test/helpers/redis-server.js";

/** Users at once: a province's web chat has many; fewer would leave the file store waiting on the disk. */
const CONCURRENCY = 64;
const SECONDS = Number(process.env.BENCH_WEB_SECONDS ?? 3);
const SIZES = [0, 1_000, 10_000, 50_000];

interface Result {
  readonly turns: number;
  readonly perSecond: number;
  readonly p99: number;
}

function startServer(env: Record<string, string>): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "bench", "web-server.ts")], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const ready = /ready (\d+)/.exec(chunk.toString());
      if (ready) resolve({ port: Number(ready[1]), child });
    });
    child.once("exit", (code) => reject(new Error(`bench server exited (${code})`)));
  });
}

function post(agent: Agent, port: number, body: unknown): Promise<{ session: string; turn: number; replies: { options?: { value: string }[] }[] }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/api/chat", method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => (res.statusCode === 200 ? resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))) : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on("error", reject);
    req.end(data);
  });
}

/** One user: opens a conversation, answers five questions (a typed age, then the first option each time), again. */
async function user(agent: Agent, port: number, until: number, latencies: number[]): Promise<void> {
  while (performance.now() < until) {
    let reply = await post(agent, port, { text: "", lang: "zh-CN" });
    for (let step = 0; step < 5 && performance.now() < until; step++) {
      const option = reply.replies.at(-1)?.options?.[0]?.value;
      const text = step === 0 || !option ? "40" : option;
      const t0 = performance.now();
      reply = await post(agent, port, { session: reply.session, text, turn: reply.turn, lang: "zh-CN" });
      latencies.push(performance.now() - t0);
    }
  }
}

async function measure(env: Record<string, string>, bare = false): Promise<Result> {
  const { port, child } = await startServer(env);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  try {
    // Two seconds of warm-up (the server compiles its hot paths), then the measured run.
    const warm = performance.now() + 2000;
    await Promise.all(Array.from({ length: CONCURRENCY }, () => (bare ? bareUser(agent, port, warm, []) : user(agent, port, warm, []))));
    const started = performance.now();
    const until = started + SECONDS * 1000;
    await Promise.all(Array.from({ length: CONCURRENCY }, () => (bare ? bareUser(agent, port, until, latencies) : user(agent, port, until, latencies))));
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return { turns: latencies.length, perSecond: latencies.length / elapsed, p99: latencies[Math.floor(latencies.length * 0.99)] ?? Number.NaN };
  } finally {
    agent.destroy();
    child.kill("SIGTERM");
  }
}

/** The same pattern against the bare server: one uncounted opening request, then five counted ones. */
async function bareUser(agent: Agent, port: number, until: number, latencies: number[]): Promise<void> {
  while (performance.now() < until) {
    await post(agent, port, { text: "", lang: "zh-CN" });
    for (let step = 0; step < 5 && performance.now() < until; step++) {
      const t0 = performance.now();
      await post(agent, port, { session: "6f9619ff-8b86-4011-b42d-00c04fc964ff", text: "40", turn: step, lang: "zh-CN" });
      latencies.push(performance.now() - t0);
    }
  }
}

export async function benchWeb(): Promise<void> {
  console.log(`\nweb chat, answered turns per second and p99 (${CONCURRENCY} users over keep-alive, ${SECONDS} s each, server in its own process):`);
  const bare = await measure({ BARE: "1" }, true);
  const fmt = (r: Result) => `${Math.round(r.perSecond).toLocaleString("en-US").padStart(7)}/s  p99 ${r.p99.toFixed(1).padStart(6)} ms  (${(r.perSecond / bare.perSecond).toFixed(2)} of bare)`;
  console.log(`  bare node:http (parse JSON, answer JSON)      ${fmt(bare)}`);
  const redis = haveRedis ? await startRedis() : undefined;
  try {
    for (const kind of ["memory", "file", "redis"] as const) {
      if (kind === "redis" && !redis) {
        console.log("  redis: skipped (no /usr/bin/redis-server)");
        continue;
      }
      for (const sessions of SIZES) {
        const dir = mkdtempSync(join(tmpdir(), "bench-web-"));
        try {
          const result = await measure({ STORE: kind, SESSIONS: String(sessions), STATE_DIR: dir, REDIS_URL: redis?.url ?? "" });
          console.log(`  ${(kind === "file" ? "lowdb" : kind).padEnd(7)} ${String(sessions.toLocaleString("en-US")).padStart(6)} sessions stored        ${fmt(result)}`);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    await redis?.kill();
  }
}
