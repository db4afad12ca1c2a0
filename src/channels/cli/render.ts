// How the terminal shows a reply: the text, then options as a numbered list
// (or, for typed answers, as plain shortcuts so "1" stays an answer, not option 1).
import type { Reply } from "../../dialogue/mod.js";

export function renderForTerminal(reply: Reply): string {
  const options = reply.options ?? [];
  if (options.length === 0) return reply.text;
  if (reply.numbered === false) return `${reply.text}\n  (${options.map((o) => o.label).join(" / ")})`;
  return `${reply.text}\n${options.map((o, i) => `  ${i + 1}. ${o.label}`).join("\n")}`;
}
