// The web chat over real HTTP: the JSON API, its limits, sessions, and the page's static files.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, WEB_CHAT_PATHS, WEB_STRING_KEYS } from "../../../src/channels/web/mod.js";
import type { Reply } from "../../../src/dialogue/mod.js";
import { translator } from "../../../src/i18n/mod.js";
import { ROOT } from "../../../src/paths.js";
import { MemoryStore, type SetOptions, type StoredSession } from "../../../src/store/mod.js";
import { startWebServer, type Harness } from "./harness.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const zh = translator("zh-CN");
const en = translator("en");

interface ChatBody {
  session: string;
  lang: string;
  turn: number;
  replies: Reply[];
}

let h: Harness;
beforeAll(async () => {
  h = await startWebServer();
});
afterAll(async () => {
  await h.close();
});

async function post(path: string, body: unknown, headers: Record<string, string> = { "content-type": "application/json" }): Promise<Response> {
  return fetch(`${h.url}${path}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

async function chat(body: Record<string, unknown>): Promise<ChatBody> {
  const res = await post("/api/chat", body);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return (await res.json()) as ChatBody;
}

async function stored(session: string): Promise<StoredSession | undefined> {
  return h.store.get(`web:${session}`);
}

const askedCount = async (session: string) => ((await stored(session))?.state as { dialogue?: { asked: string[] } } | undefined)?.dialogue?.asked.length ?? 0;

/** Sends `text` answering the turn the last reply gave, as the page does. */
async function answer(previous: ChatBody, text: string): Promise<ChatBody> {
  return chat({ session: previous.session, text, turn: previous.turn, lang: previous.lang });
}
const last = (r: ChatBody) => r.replies[r.replies.length - 1]!;

describe("POST /api/chat", () => {
  it("gives a first message a new session, the welcome and the first question, and stores nothing yet", async () => {
    const first = await chat({ text: "你好" });
    expect(first.session).toMatch(UUID);
    expect(first.lang).toBe("zh-CN");
    expect(first.turn).toBe(0);
    expect(first.replies[0]!.text).toBe(zh("welcome"));
    expect(first.replies[1]!.text).toBe(zh("q.age_self"));
    expect(first.replies[1]!.options?.length).toBeGreaterThan(0);
    expect(await stored(first.session)).toBeUndefined();
  });

  it("moves through the questions as answers come in, typed or tapped", async () => {
    const opened = await chat({ text: "" });
    expect(await askedCount(opened.session)).toBe(0);

    const typed = await answer(opened, "40");
    expect(typed.session).toBe(opened.session);
    expect(typed.turn).toBe(1);
    expect(last(typed).text).toBe(zh("q.hukou_self"));
    expect(await askedCount(opened.session)).toBe(1);

    const option = last(typed).options![0]!;
    const tapped = await answer(typed, option.value);
    expect(last(tapped).text).not.toBe(zh("q.hukou_self"));
    expect(await askedCount(opened.session)).toBe(2);

    const results = await answer(tapped, "结果");
    expect(results.replies[0]!.text.startsWith(zh("results.title"))).toBe(true);
  });

  it("starts a new conversation in the page's language and switches when the page does", async () => {
    const opened = await chat({ text: "", lang: "en" });
    expect(opened.lang).toBe("en");
    expect(opened.replies[0]!.text).toBe(en("welcome"));
    expect(last(opened).text).toBe(en("q.age_self"));

    const switched = await chat({ session: opened.session, text: "", lang: "zh-CN", turn: opened.turn });
    expect(switched.session).toBe(opened.session);
    expect(switched.lang).toBe("zh-CN");
    expect(switched.replies[0]!.text).toBe(zh("langSwitched"));
    expect(last(switched).text).toBe(zh("q.age_self"));

    // A typed language change is the core's business; the answer says which language the page should show.
    const typed = await answer(switched, "English");
    expect(typed.lang).toBe("en");
  });

  it("replaces a malformed session id with a fresh one", async () => {
    for (const bad of ["not-a-session", "", "../../etc/passwd", "6F9619FF-8B86-4011-B42D-00C04FC964FF", "6f9619ff-8b86-1011-b42d-00c04fc964ff", `${"a".repeat(8)}-aaaa-4aaa-8aaa-${"a".repeat(12)}x`]) {
      const r = await chat({ session: bad, text: "你好" });
      expect(r.session).toMatch(UUID);
      expect(r.session).not.toBe(bad);
      expect(r.replies[0]!.text).toBe(zh("welcome"));
      expect(await h.store.get(`web:${bad}`)).toBeUndefined();
    }
  });

  it("keeps sessions apart", async () => {
    const a = await chat({ text: "" });
    const b = await chat({ text: "" });
    expect(a.session).not.toBe(b.session);
    await answer(a, "40");
    expect(await askedCount(a.session)).toBe(1);
    expect(await askedCount(b.session)).toBe(0);
  });

  it("answers 50 concurrent messages for one session in turn, losing none", async () => {
    // A MemoryStore that takes a moment, as a real store does: without per-session turns in order,
    // concurrent messages would read the same state and overwrite each other's answers.
    const pause = () => new Promise((resolve) => setTimeout(resolve, 2));
    class SlowStore extends MemoryStore {
      override async get(key: string) {
        await pause();
        return super.get(key);
      }
      override async set(key: string, state: unknown, options?: SetOptions) {
        await pause();
        return super.set(key, state, options);
      }
    }
    const slow = new SlowStore();
    const own = await startWebServer(slow);
    const send = async (body: Record<string, unknown>) => {
      const res = await fetch(`${own.url}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      return (await res.json()) as ChatBody;
    };
    const asked = async (id: string) => ((await slow.get(`web:${id}`))!.state as { dialogue: { asked: string[] } }).dialogue.asked.length;
    try {
      const N = 50;
      const input = "不知道";
      const { session } = await send({ text: "" });
      const { session: control } = await send({ text: "" });

      const answers = await Promise.all(Array.from({ length: N }, () => send({ session, text: input })));
      expect(answers).toHaveLength(N);
      for (const a of answers) {
        expect(a.session).toBe(session);
        expect(a.replies.length).toBeGreaterThan(0);
      }

      // The same messages one after another on another session: every turn must have happened exactly once.
      const sequential: ChatBody[] = [];
      for (let i = 0; i < N; i++) sequential.push(await send({ session: control, text: input }));
      const texts = (list: ChatBody[]) => list.map((a) => a.replies.map((r) => r.text).join("\n")).sort();
      expect(texts(answers)).toEqual(texts(sequential));
      expect(await asked(session)).toBe(await asked(control));
      expect(await asked(session)).toBeGreaterThan(3);
      expect((await slow.get(`web:${session}`))!.state).toEqual((await slow.get(`web:${control}`))!.state);
    } finally {
      await own.close();
    }
  });

  it("refuses anything but a JSON body with 415", async () => {
    for (const headers of [{ "content-type": "text/plain" }, { "content-type": "application/x-www-form-urlencoded" }, {} as Record<string, string>]) {
      const res = await post("/api/chat", JSON.stringify({ text: "hi" }), headers);
      expect(res.status).toBe(415);
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
    const withCharset = await post("/api/chat", { text: "hi" }, { "content-type": "Application/JSON; charset=utf-8" });
    expect(withCharset.status).toBe(200);
  });

  it("answers bad JSON and wrong types with 400 and a short message", async () => {
    const cases: unknown[] = ["{not json", '"just a string"', "[1,2]", "null", {}, { text: 42 }, { text: ["a"] }, { text: "hi", session: 7 }, { text: "hi", lang: "fr" }, { text: "hi", lang: 1 }];
    for (const body of cases) {
      const res = await post("/api/chat", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const { error } = (await res.json()) as { error: string };
      expect(error.length).toBeGreaterThan(0);
      expect(error.length).toBeLessThan(60);
    }
    const { session } = await chat({ text: "" });
    expect((await post("/api/chat", { session, text: "   " })).status).toBe(400);
  });

  it("refuses a body over 16 KB with 413", async () => {
    const res = await post("/api/chat", { text: "x".repeat(MAX_BODY_BYTES) });
    expect(res.status).toBe(413);
    // Just under the limit is fine (the core reads only the first 2000 characters).
    const fits = await post("/api/chat", { text: "x".repeat(MAX_BODY_BYTES - 100) });
    expect(fits.status).toBe(200);
  });

  it("refuses other methods with 405 and says which are allowed", async () => {
    for (const [method, path] of [["GET", "/api/chat"], ["PUT", "/api/chat"], ["DELETE", "/api/delete"], ["GET", "/api/delete"], ["POST", "/api/strings"]] as const) {
      const res = await fetch(`${h.url}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get("allow")).toBeTruthy();
    }
  });
});

describe("POST /api/delete", () => {
  it("forgets the session at once; the id then only starts a new conversation", async () => {
    const opened = await chat({ text: "" });
    const { session } = opened;
    await answer(opened, "40");
    expect(await stored(session)).toBeDefined();

    const res = await post("/api/delete", { session });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: true });
    expect(await stored(session)).toBeUndefined();

    const again = await chat({ session, text: "40" });
    expect(again.replies[0]!.text).toBe(zh("welcome"));
  });

  it("wants a well-formed session id and a JSON body", async () => {
    expect((await post("/api/delete", {})).status).toBe(400);
    expect((await post("/api/delete", { session: "nope" })).status).toBe(400);
    expect((await post("/api/delete", "{", { "content-type": "application/json" })).status).toBe(400);
    expect((await post("/api/delete", "session=x", { "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
  });
});

describe("GET /api/strings", () => {
  it("gives the page's strings in either language", async () => {
    for (const lang of ["zh-CN", "en"] as const) {
      const res = await fetch(`${h.url}/api/strings?lang=${lang}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { lang: string; strings: Record<string, string> };
      expect(body.lang).toBe(lang);
      expect(Object.keys(body.strings).sort()).toEqual([...WEB_STRING_KEYS].sort());
    }
    const plain = (await (await fetch(`${h.url}/api/strings`)).json()) as { lang: string };
    expect(plain.lang).toBe("zh-CN");
    expect((await fetch(`${h.url}/api/strings?lang=xx`)).status).toBe(400);
  });

  it("has every key, and only those, under \"web\" in both locale files", () => {
    for (const lang of ["zh-CN", "en"]) {
      const file = JSON.parse(readFileSync(join(ROOT, "locales", lang, "translation.json"), "utf8")) as { web?: Record<string, unknown> };
      expect(Object.keys(file.web ?? {}).sort(), lang).toEqual([...WEB_STRING_KEYS].sort());
      for (const key of WEB_STRING_KEYS) expect(typeof file.web![key] === "string" && (file.web![key] as string).length > 0, `${lang} web.${key}`).toBe(true);
    }
  });
});

describe("the page", () => {
  it("serves the HTML with a strict Content-Security-Policy and no inline script", async () => {
    const res = await fetch(`${h.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain(`<title data-i18n="title">${zh("web.title")}</title>`);
    expect(html).toMatch(/role="log"[^>]*aria-live="polite"/);
    expect(html).not.toMatch(/\{\{\w+\}\}/);
    // Every script has a src, none has a body; no inline handlers or styles.
    for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) expect(tag).toMatch(/^<script\b[^>]*\bsrc="\/app\.js"[^>]*><\/script>$/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/<style|\sstyle=/i);
  });

  it("serves English with ?lang=en", async () => {
    const html = await (await fetch(`${h.url}/?lang=en`)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(en("web.send"));
  });

  it("can default to English for a server whose default language is English", async () => {
    const own = await startWebServer(new MemoryStore(), "en");
    try {
      expect(await (await fetch(`${own.url}/`)).text()).toContain('<html lang="en">');
      expect(await (await fetch(`${own.url}/?lang=zh-CN`)).text()).toContain('<html lang="zh-CN">');
    } finally {
      await own.close();
    }
  });

  it("serves app.js and app.css with their types", async () => {
    const js = await fetch(`${h.url}/app.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await js.text()).toContain("/api/chat");
    const css = await fetch(`${h.url}/app.css`);
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
    expect((await fetch(`${h.url}/app.js`, { method: "POST" })).status).toBe(405);
  });

  it("answers only its own paths; the server answers 404 for the rest", async () => {
    for (const path of ["/nope", "/api", "/api/chat/x", "/public/app.js", "/index.html"]) {
      const res = await fetch(`${h.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toBe("not found");
    }
    expect(WEB_CHAT_PATHS).toEqual(["/", "/app.js", "/app.css", "/render.js", "/choices.js", "/handout.js", "/api/chat", "/api/delete", "/api/strings", "/handout"]);
  });
});

describe("privacy", () => {
  it("answers a failing store with a short 'send again', logs one line, and no request body", async () => {
    class BrokenStore extends MemoryStore {
      override get(): Promise<StoredSession | undefined> {
        return Promise.reject(new Error("disk on fire"));
      }
    }
    const own = await startWebServer(new BrokenStore());
    try {
      const res = await fetch(`${own.url}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ session: "6f9619ff-8b86-4011-b42d-00c04fc964ff", text: "my income is 3456 secret", turn: 3 }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as ChatBody;
      expect(body.replies.map((r) => r.text)).toEqual([zh("service.tryAgain")]);
      expect(body.turn).toBe(3);
      expect(own.log.events()).toEqual(["session.store-failed"]);
      expect(own.log.lines.join("\n")).not.toMatch(/3456|secret|disk on fire|6f9619ff/);
    } finally {
      await own.close();
    }
  });

  it("keeps user-facing text out of the code: no Chinese in the channel's sources or static files", () => {
    const dir = join(ROOT, "src", "channels", "web");
    const files = [...readdirSync(dir).map((f) => join(dir, f)), ...readdirSync(join(dir, "public")).map((f) => join(dir, "public", f))].filter((f) => /\.(ts|js|html|css)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) expect(readFileSync(file, "utf8"), file).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
  });
});
