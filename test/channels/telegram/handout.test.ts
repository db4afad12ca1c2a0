// "打印" on Telegram: the household handout arrives as an .html document built in memory, named by its date,
// with a short caption; the results buttons move onto it.
import { describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { ChatSessions } from "../../../src/channels/chat-session.js";
import { envelope } from "../../../src/channels/session-envelope.js";
import { createTelegramBot } from "../../../src/channels/telegram/mod.js";
import type { DialogueState } from "../../../src/dialogue/mod.js";
import { translator, type Lang } from "../../../src/i18n/mod.js";
import { exportScreening } from "../../../src/report/mod.js";
import { MemoryStore } from "../../../src/store/mod.js";
import { personas } from "../../helpers/fixtures.js";
import { converse } from "../../helpers/simulated-user.js";
import { botInfo, buttons, harness } from "./harness.js";

const when = new Date("2026-12-01T09:30:00Z");

function finished(lang: Lang): DialogueState {
  const persona = personas().find((p) => p.name === "local-family-of-four")!;
  return converse({ ...persona, lang }, 60, false).state;
}

/** Everything an InputFile would upload, as text. */
async function contents(file: { toRaw(): Promise<Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>> }): Promise<string> {
  const raw = await file.toRaw();
  // Bytes in memory: a path or a stream would mean the file came from (or went to) the disk.
  expect(raw).toBeInstanceOf(Uint8Array);
  return new TextDecoder().decode(raw as Uint8Array);
}

describe("telegram print", () => {
  for (const lang of ["zh-CN", "en"] as const) {
    it(`sends the household handout as an HTML document, after the core's reply (${lang})`, async () => {
      const t = translator(lang);
      const h = harness({ now: () => when });
      const state = finished(lang);
      await h.store.set("telegram:1", envelope(state, 1, null));
      await h.text(1, lang === "en" ? "print" : "打印");
      const [ready, document] = h.sent;
      expect(h.sent).toHaveLength(2);
      expect(ready!.text).toBe(t("handout.ready"));
      expect(ready!.reply_markup).toBeUndefined();
      expect(document!.document!.filename).toBe(lang === "en" ? "handout-2026-12-01.html" : "告知单-2026-12-01.html");
      expect(document!.text).toBe(t("telegram.handout.caption"));
      expect(document!.text.length).toBeLessThanOrEqual(1024); // Telegram's caption limit
      const html = await contents(document!.document!);
      expect(html).toBe(exportScreening(state.profile, lang, "html", when, state.client));
      expect(html).toContain(t("handout.date", { date: "2026-12-01" }));
      // The buttons for what comes next are under the document, the last message.
      expect(buttons(document!).map((b) => b.callback_data)).toContain(t("telegram.results.print"));
      expect(h.calls.find((c) => c.method === "sendDocument")!.payload.chat_id).toBe(1);
    });
  }

  it("a tap on the document's buttons still works (it has a caption, not a text)", async () => {
    const t = translator("zh-CN");
    const h = harness({ now: () => when });
    await h.store.set("telegram:2", envelope(finished("zh-CN"), 1, null));
    await h.text(2, "打印");
    const document = h.sent.at(-1)!;
    const mark = h.sent.length;
    await h.tap(2, t("telegram.results.pending"));
    expect(h.since(mark)[0]!.text.startsWith(t("pending.title"))).toBe(true);
    // Its buttons are taken off; a caption is not edited as if it were a text.
    expect(h.calls.find((c) => c.method === "editMessageReplyMarkup")?.payload).toMatchObject({ chat_id: 2, message_id: document.message_id });
    expect(h.calls.some((c) => c.method === "editMessageText")).toBe(false);
  });

  it("uploads the document as multipart form data with its file name, straight from memory", async () => {
    const bodies: { url: string; body: string }[] = [];
    const fetch = async (url: string | URL, init?: { body?: unknown }) => {
      let body = "";
      if (typeof init?.body === "string") body = init.body;
      else if (init?.body) for await (const chunk of init.body as AsyncIterable<Uint8Array>) body += new TextDecoder().decode(chunk, { stream: true });
      bodies.push({ url: String(url), body });
      const result = String(url).endsWith("/sendDocument") ? { message_id: 2, date: 0, chat: { id: 3, type: "private" }, document: { file_id: "f", file_unique_id: "u" } } : { message_id: 1, date: 0, chat: { id: 3, type: "private" }, text: "" };
      return new Response(JSON.stringify({ ok: true, result }), { headers: { "content-type": "application/json" } });
    };
    const store = new MemoryStore();
    const state = finished("zh-CN");
    await store.set("telegram:3", envelope(state, 1, null));
    const bot = createTelegramBot({ token: "123456:TEST-TOKEN", sessions: new ChatSessions(store), botInfo, now: () => when, client: { fetch: fetch as never } });
    const update: Update = { update_id: 1, message: { message_id: 1, date: 0, chat: { id: 3, type: "private", first_name: "T" }, from: { id: 3, is_bot: false, first_name: "T" }, text: "打印" } };
    await bot.handleUpdate(update);
    const upload = bodies.find((b) => b.url.endsWith("/sendDocument"))!;
    expect(upload).toBeDefined();
    expect(upload.body).toContain("filename=告知单-2026-12-01.html");
    expect(upload.body).toContain(exportScreening(state.profile, "zh-CN", "html", when));
    expect(upload.body).toContain(translator("zh-CN")("telegram.handout.caption"));
  });
});
