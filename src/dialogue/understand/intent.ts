/**
 * Navigation commands ("restart", "/help", "English"). Only a message that is
 * *entirely* a command counts: "how are results computed?" is a question about
 * results, not a request to see them, so matching is by whole-message lookup.
 * The phrases are in data/understand.json ("intent").
 */
import { normalize } from "./normalize.js";
import { LEX, alt, chars } from "./lexicon.js";

const COMMANDS = ["restart", "help", "lang", "back", "skip", "results", "delete", "summary"] as const;
const LANGS = ["zh-CN", "en"] as const;
export type Command = (typeof COMMANDS)[number];
export type Lang = (typeof LANGS)[number];
export type ParsedCommand = { command: Command; lang?: Lang };

const L = LEX.intent;

/** word -> value, refusing keys the code does not know (a typo in the data would otherwise leak out as a command). */
function lookup<T extends string>(groups: Readonly<Record<string, readonly string[]>>, known: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const [key, words] of Object.entries(groups)) {
    if (!(known as readonly string[]).includes(key)) throw new Error(`understand.json: unknown intent key "${key}"`);
    for (const w of words) map.set(w, key as T);
  }
  return map;
}

/** Whole-message phrases; explicit language choices carry the target language. */
const LOOKUP: ReadonlyMap<string, Command> = lookup(L.commands, COMMANDS);
const LANG_TARGET: ReadonlyMap<string, Lang> = lookup(L.languages, LANGS);

/**
 * Slash commands (Telegram menu); /start and /new are how Telegram users begin again.
 * Maps, not object literals, so "/constructor" cannot reach Object.prototype.
 */
const SLASH: ReadonlyMap<string, Command> = new Map(Object.entries({
  restart: "restart", start: "restart", new: "restart", help: "help", lang: "lang", language: "lang",
  back: "back", skip: "skip", results: "results", result: "results", delete: "delete", summary: "summary",
} satisfies Record<string, Command>));

/** Politeness and end punctuation do not change the command. */
const POLITE_LEAD = new RegExp(`^${alt(L.politeLead)}\\s*`);
const TRAILING = new RegExp(`[\\s${chars(L.trailingChars)}]+$`, "u");
const POLITE_TAIL = new RegExp(`\\s*${alt(L.politeTail)}$`);

export function parseCommand(text: string): ParsedCommand | undefined {
  try {
    let s = normalize(text);
    if (!s) return undefined;
    // A lone "?" (or "??") is a plea for help.
    if (/^\?+$/.test(s)) return { command: "help" };
    // Telegram sends "/start@SomeBot arg"; the bot name is noise.
    const slash = /^\/([a-z]+)(?:@[a-z0-9_]+)?(?:\s+(.*))?$/.exec(s);
    if (slash) {
      const cmd = SLASH.get(slash[1]!);
      if (cmd !== "lang") return cmd ? { command: cmd } : undefined;
      // "/lang en" picks the language directly.
      const arg = slash[2]?.trim();
      const target = arg ? LANG_TARGET.get(arg) : undefined;
      return target ? { command: "lang", lang: target } : { command: "lang" };
    }
    s = s.replace(POLITE_LEAD, "").replace(TRAILING, "").replace(POLITE_TAIL, "");
    const target = LANG_TARGET.get(s);
    if (target) return { command: "lang", lang: target };
    const cmd = LOOKUP.get(s);
    return cmd ? { command: cmd } : undefined;
  } catch {
    return undefined;
  }
}
