import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../../src/paths.js";

const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const MAIN = join(ROOT, "src", "channels", "telegram", "main.ts");

/** Runs main.ts with `env`; it must exit before touching the network or the disk. */
function run(env: Record<string, string>) {
  const { TELEGRAM_BOT_TOKEN: _t, SESSION_TTL_HOURS: _s, ...rest } = process.env;
  return spawnSync(TSX, [MAIN], { env: { ...rest, STATE_DIR: join(ROOT, "never-created"), ...env }, encoding: "utf8", timeout: 30_000 });
}

describe("npm run telegram", () => {
  it("exits 2 with one clear line when the token is missing", () => {
    const result = run({});
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("TELEGRAM_BOT_TOKEN");
    expect(result.stdout).toBe("");
  });

  it("exits 2 when SESSION_TTL_HOURS is not a positive number", () => {
    const result = run({ TELEGRAM_BOT_TOKEN: "123:TEST", SESSION_TTL_HOURS: "soon" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("SESSION_TTL_HOURS");
  });
});

describe("npm run telegram against a local fake Bot API", () => {
  it("polls, answers, stores the session on disk, registers commands, and stops cleanly on SIGTERM", async () => {
    const { createServer } = await import("node:http");
    const { spawn } = await import("node:child_process");
    const { mkdtempSync, readdirSync, readFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");

    const calls: { method: string; body: Record<string, unknown> }[] = [];
    const pending = [
      {
        update_id: 500,
        message: { message_id: 1, date: 1_700_000_000, chat: { id: 77, type: "private", first_name: "T" }, from: { id: 77, is_bot: false, first_name: "T" }, text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] },
      },
    ];
    let sendMessages = 0;
    let onTwoReplies: () => void = () => undefined;
    const twoReplies = new Promise<void>((resolve) => (onTwoReplies = resolve));
    const server = createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk) => (raw += chunk));
      req.on("end", () => {
        const method = (req.url ?? "").split("/").pop()!;
        const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        calls.push({ method, body });
        const reply = (result: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
        if (method === "getMe") return reply({ id: 1, is_bot: true, first_name: "B", username: "fake_bot", can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false, can_manage_bots: false, supports_join_request_queries: false });
        if (method === "getUpdates") {
          if (pending.length > 0 && body.timeout !== 0) return reply(pending.splice(0));
          // A long poll: hold the request a little instead of letting the client spin.
          const timer = setTimeout(() => reply([]), body.timeout === 0 ? 0 : 500);
          res.on("close", () => clearTimeout(timer));
          return;
        }
        if (method === "sendMessage") {
          if (++sendMessages === 2) onTwoReplies();
          return reply({ message_id: 10 + sendMessages, date: 1_700_000_000, chat: { id: body.chat_id, type: "private", first_name: "T" }, text: body.text });
        }
        return reply(true);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const stateDir = mkdtempSync(join(tmpdir(), "telegram-main-"));
    try {
      const { TELEGRAM_BOT_TOKEN: _t, SESSION_TTL_HOURS: _s, ...rest } = process.env;
      const child = spawn(TSX, [MAIN], {
        env: { ...rest, TELEGRAM_BOT_TOKEN: "123:FAKE", TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`, STATE_DIR: stateDir, SESSION_TTL_HOURS: "2" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (chunk) => (stderr += chunk));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

      await twoReplies;
      child.kill("SIGTERM");
      expect(await exited).toBe(0);

      expect(calls.filter((c) => c.method === "setMyCommands")).toHaveLength(3);
      expect(calls.find((c) => c.method === "getUpdates")?.body.allowed_updates).toEqual(["message", "callback_query"]);
      const sent = calls.filter((c) => c.method === "sendMessage");
      expect(sent.map((c) => c.body.chat_id)).toEqual([77, 77]);
      // The update was confirmed, so a restart would not answer it again.
      expect(calls.filter((c) => c.method === "getUpdates").some((c) => c.body.offset === 501)).toBe(true);
      expect(stderr).toContain(`"event":"telegram.polling"`);
      expect(stderr).toContain(`"event":"stopped"`);
      for (const c of sent) expect(stderr).not.toContain(String(c.body.text).slice(0, 10));
      const files = readdirSync(stateDir);
      expect(files.length).toBeGreaterThan(0);
      expect(files.map((f) => readFileSync(join(stateDir, f), "utf8")).join("")).toContain("telegram:77");
    } finally {
      server.closeAllConnections();
      server.close();
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
