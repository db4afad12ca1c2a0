/**
 * Navigation commands ("重新开始", "/help", "English"). Only a message that is
 * *entirely* a command counts: "结果怎么算?" is a question about results,
 * not a request to see them, so matching is by whole-message lookup.
 */
import { normalize } from "./normalize.js";

export type Command = "restart" | "help" | "lang" | "back" | "skip" | "results" | "delete" | "summary";
export type Lang = "zh-CN" | "en";
export type ParsedCommand = { command: Command; lang?: Lang };

const PHRASES: Readonly<Record<Command, readonly string[]>> = {
  restart: ["restart", "重新开始", "重来", "从头开始", "从头来", "重新来", "start over", "reset", "重置"],
  help: ["help", "帮助", "怎么用", "如何使用", "使用说明", "help me", "帮助我"],
  lang: ["lang", "语言", "language", "切换语言", "change language"],
  back: ["back", "返回", "上一步", "上一题", "go back", "previous", "上一个"],
  skip: [
    "skip", "跳过", "不知道", "不清楚", "不确定", "不想说", "pass", "don't know", "dont know", "do not know",
    "not sure", "i don't know", "i dont know", "i'm not sure", "im not sure", "idk", "不晓得", "不记得", "说不清",
  ],
  results: ["results", "result", "结果", "看结果", "查看结果", "就这些", "完成", "done", "show results", "show result", "finish", "我的结果"],
  delete: ["delete", "删除我的数据", "删除数据", "删除", "delete my data", "删除我的信息", "forget me"],
  summary: ["summary", "汇总", "总结", "show summary", "我的回答"],
};

/** Explicit language choices carry the target language. */
const LANG_TARGET: ReadonlyMap<string, Lang> = new Map(Object.entries({
  english: "en", en: "en", 英文: "en", 英语: "en", "in english": "en", "切换英文": "en", "switch to english": "en",
  中文: "zh-CN", chinese: "zh-CN", 汉语: "zh-CN", 简体中文: "zh-CN", zh: "zh-CN", "zh-cn": "zh-CN",
  "说中文": "zh-CN", "切换中文": "zh-CN", "in chinese": "zh-CN", "switch to chinese": "zh-CN", 普通话: "zh-CN",
} satisfies Record<string, Lang>));

/**
 * Slash commands (Telegram menu); /start and /new are how Telegram users begin again.
 * Maps, not object literals, so "/constructor" cannot reach Object.prototype.
 */
const SLASH: ReadonlyMap<string, Command> = new Map(Object.entries({
  restart: "restart", start: "restart", new: "restart", help: "help", lang: "lang", language: "lang",
  back: "back", skip: "skip", results: "results", result: "results", delete: "delete", summary: "summary",
} satisfies Record<string, Command>));

const LOOKUP = new Map<string, Command>();
for (const [command, list] of Object.entries(PHRASES) as [Command, readonly string[]][]) {
  for (const p of list) LOOKUP.set(p, command);
}

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
    // Politeness and end punctuation do not change the command.
    s = s.replace(/^(?:请|please|麻烦)\s*/, "").replace(/[\s。.!！~,，?、]+$/u, "").replace(/\s*(?:吧|啊|呀|please)$/, "");
    const target = LANG_TARGET.get(s);
    if (target) return { command: "lang", lang: target };
    const cmd = LOOKUP.get(s);
    return cmd ? { command: cmd } : undefined;
  } catch {
    return undefined;
  }
}
