// GET /handout?session=<id>: the printable handout of that conversation and no other, with its own CSP.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeHtml } from "../../../src/channels/web/page.js";
import { buildHandout, restoreState } from "../../../src/dialogue/mod.js";
import { ruleset } from "../../../src/engine/mod.js";
import { translator } from "../../../src/i18n/mod.js";
import { chatClient, type Chat } from "./client.js";
import { startWebServer, type Harness } from "./harness.js";

const zh = translator("zh-CN");

let h: Harness;
let c: Chat;
beforeAll(async () => {
  h = await startWebServer();
  c = chatClient(h);
});
afterAll(async () => {
  await h.close();
});

/** A conversation with these answers, up to "print"; returns its session id. */
async function printed(inputs: readonly string[], lang: "zh-CN" | "en" = "zh-CN"): Promise<string> {
  const r = await c.answerAll(await c.open(lang), [...inputs, lang === "en" ? "print" : "打印"]);
  expect(r.effects).toEqual(["handout"]);
  return r.session;
}

async function stateOf(session: string) {
  return restoreState(((await h.store.get(`web:${session}`))!.state as { dialogue: unknown }).dialogue)!;
}

const get = (path: string, init?: RequestInit) => fetch(`${h.url}${path}`, init);

describe("GET /handout", () => {
  it("is the session's handout: every service found, its people, a print button, no other session's", async () => {
    const older = await printed(["70", "#m0.hukou=local", "#members=spouse", "#members=none", "68"]);
    const younger = await printed(["30", "#m0.hukou=local", "#members=child", "#members=none", "5"]);

    for (const [session, has, hasNot] of [[older, "who.spouse", "who.child"], [younger, "who.child", "who.spouse"]] as const) {
      const res = await get(`/handout?session=${session}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      const html = await res.text();
      const state = await stateOf(session);
      const handout = buildHandout(zh, "zh-CN", state.profile, ruleset(), new Date());
      expect(handout.services.length).toBeGreaterThan(0);
      for (const service of handout.services) expect(html).toContain(`<h3>${escapeHtml(service.name)}</h3>`);
      expect(html).toContain(escapeHtml(zh("handout.people", { people: handout.people.join(zh("list.and")) })));
      // Its own household, not the other conversation's.
      expect(handout.people.some((p) => p.startsWith(zh(has)))).toBe(true);
      expect(handout.people.some((p) => p.startsWith(zh(hasNot)))).toBe(false);
      expect(html).toContain(`<button type="button" id="print">${zh("handout.print")}</button>`);
      expect(html).toContain('<script src="/handout.js" defer></script>');
    }
  });

  it("is in the conversation's language", async () => {
    const session = await printed(["40"], "en");
    const html = await (await get(`/handout?session=${session}`)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(translator("en")("handout.title"));
  });

  it("allows only its own styles (by hash) and scripts of this origin; never cached, framed or indexed", async () => {
    const session = await printed(["40"]);
    const res = await get(`/handout?session=${session}`);
    const html = await res.text();
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles.length).toBe(2);
    for (const style of styles) expect(csp).toContain(`'sha256-${createHash("sha256").update(style).digest("base64")}'`);
    // Every script is a file of this origin, none inline.
    for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) expect(tag).toMatch(/^<script src="\/handout\.js" defer><\/script>$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-robots-tag")).toBe("noindex");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("answers 404 alike for no session, a malformed one, an unknown one and a deleted one", async () => {
    const session = await printed(["40"]);
    await fetch(`${h.url}/api/delete`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ session }) });
    for (const query of ["", "?session=", "?session=nope", "?session=../../etc/passwd", "?session=6f9619ff-8b86-4011-b42d-00c04fc964ff", `?session=${session}`, `?session=${session.toUpperCase()}`]) {
      const res = await get(`/handout${query}`);
      expect(res.status, query).toBe(404);
      expect(await res.json()).toEqual({ error: "not found" });
    }
  });

  it("answers GET and HEAD only", async () => {
    const session = await printed(["40"]);
    expect((await get(`/handout?session=${session}`, { method: "HEAD" })).status).toBe(200);
    const post = await get(`/handout?session=${session}`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("logs nothing of the session or the handout", async () => {
    const session = await printed(["70", "#m0.hukou=local"]);
    await get(`/handout?session=${session}`);
    await get("/handout?session=6f9619ff-8b86-4011-b42d-00c04fc964ff");
    const logged = h.log.lines.join("\n");
    expect(logged).not.toContain(session);
    expect(logged).not.toContain("6f9619ff");
    expect(logged).not.toContain("session=");
  });

  it("serves the print script", async () => {
    const res = await get("/handout.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await res.text()).toContain("print()");
  });
});
