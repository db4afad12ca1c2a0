// A client of the web chat's JSON API for tests: posts turns as the page does (answering the turn the last
// response gave, in its language).
import { expect } from "vitest";
import type { ChatResponse } from "../../../src/channels/web/mod.js";
import type { Harness } from "./harness.js";

export interface Chat {
  /** A new conversation, in `lang` (the page's first request). */
  open(lang?: "zh-CN" | "en"): Promise<ChatResponse>;
  /** Sends `text` as the answer to `previous`. */
  answer(previous: ChatResponse, text: string): Promise<ChatResponse>;
  /** Answers each input in turn. */
  answerAll(previous: ChatResponse, inputs: readonly string[]): Promise<ChatResponse>;
}

export function chatClient(h: Harness): Chat {
  const post = async (body: Record<string, unknown>): Promise<ChatResponse> => {
    const res = await fetch(`${h.url}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    return (await res.json()) as ChatResponse;
  };
  const answer = (previous: ChatResponse, text: string) => post({ session: previous.session, text, turn: previous.turn, lang: previous.lang });
  return {
    open: (lang) => post({ text: "", ...(lang && { lang }) }),
    answer,
    async answerAll(previous, inputs) {
      let r = previous;
      for (const input of inputs) r = await answer(r, input);
      return r;
    },
  };
}

export const lastReply = (r: ChatResponse) => r.replies[r.replies.length - 1]!;

/** The options' values of the last reply. */
export const values = (r: ChatResponse) => (lastReply(r).options ?? []).map((o) => o.value);
