// `npm start`: the chat in the terminal, the embedded default (no tokens, no servers).
// Works interactively and with piped input (one answer per line); ends cleanly at end of input.
// Nothing is written to disk unless the caseworker asks for /export.
import { writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { respond, start, type Turn } from "../../dialogue/mod.js";
import { Env, orExit } from "../../env/mod.js";
import { LANGS, translator } from "../../i18n/mod.js";
import { exitQuietlyOnClosedPipe } from "../../quiet-pipe.js";
import { exportFormatFor, exportScreening } from "../../report/mod.js";
import { renderForTerminal } from "./render.js";

const interactive = process.stdin.isTTY === true;
// Chinese first, whatever the machine's locale; BOT_LANG=en (or typing "English") switches.
let turn: Turn = start(orExit("start", () => new Env().oneOf("BOT_LANG", LANGS, "zh-CN")));
exitQuietlyOnClosedPipe();

function show(t: Turn): void {
  for (const reply of t.replies) process.stdout.write(`${renderForTerminal(reply)}\n\n`);
}

function say(key: string, options?: Record<string, unknown>): void {
  process.stdout.write(`${translator(turn.state.lang)(key, options ?? {})}\n\n`);
}

/** Terminal-only commands: the ones that touch files or the process. */
function terminalCommand(line: string): boolean {
  const [command, ...rest] = line.trim().split(/\s+/);
  if (command === "/quit" || command === "/exit") {
    rl.close();
    return true;
  }
  if (command === "/commands") {
    say("cli.commands");
    return true;
  }
  if (command === "/export") {
    const file = rest.join(" ");
    const format = exportFormatFor(file);
    if (!file || !format) {
      say("export.usage");
      return true;
    }
    try {
      writeFileSync(file, exportScreening(turn.state.profile, turn.state.lang, format, new Date(), turn.state.client), { mode: 0o600 });
      say("export.saved", { file });
    } catch (err) {
      say("export.failed", { error: (err as Error).message });
    }
    return true;
  }
  return false;
}

// Without an output stream readline shows neither the prompt nor what is typed.
/** "print": the handout in the terminal; /export FILE.html saves it as a printable page. */
function printHandout(): void {
  process.stdout.write(`${exportScreening(turn.state.profile, turn.state.lang, "markdown", new Date(), turn.state.client)}\n`);
  say("cli.handoutSaved");
}

const rl = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
show(turn);
if (interactive) say("cli.commands");
rl.setPrompt(translator(turn.state.lang)("cli.prompt"));
if (interactive) rl.prompt();

rl.on("line", (line) => {
  // Piped sessions echo the answer so the transcript reads as a conversation.
  if (!interactive) process.stdout.write(`> ${line}\n\n`);
  if (!terminalCommand(line)) {
    // Piped: an unreadable line is skipped, never re-asked, so the next line still answers the next question.
    turn = respond(turn.state, line, undefined, interactive ? {} : { retries: 0 });
    show(turn);
    if (turn.effects.some((e) => e.type === "handout")) printHandout();
  }
  if (interactive) rl.prompt();
});

rl.on("close", () => {
  say("cli.bye");
  process.exit(0);
});
