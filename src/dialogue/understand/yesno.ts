/**
 * Yes/no answers. Exact short replies are looked up in tables; short
 * sentences ("有残疾证", "i don't have one") fall back to polarity words,
 * with negation winning because Chinese and English both mark "no"
 * explicitly (没/不/not) while "yes" is often just the bare verb.
 * "不知道" and echoed questions ("有没有?") are *not* answers.
 */
import { normalize } from "./normalize.js";

const YES = new Set([
  "是", "是的", "对", "对的", "有", "有的", "嗯", "好", "好的", "需要", "办了", "领了", "在",
  "要", "行", "可以", "没错", "没问题", "当然", "正确", "确定", "已办", "办过", "领过", "已经办了", "有了",
  "yes", "y", "yeah", "yep", "yup", "ya", "yea", "sure", "ok", "okay", "true", "correct", "right",
  "of course", "yes please", "i do", "i have", "i am", "indeed", "absolutely", "definitely",
  "✓", "✔", "☑", "✅", "👍", "√",
]);
const NO = new Set([
  "否", "不是", "不", "没有", "没", "无", "不对", "不需要", "没办", "不要", "不用", "没领", "未办", "不在",
  "不行", "没了", "没有了", "不是的", "无需", "没有的", "没办过", "还没", "还没有", "未",
  "no", "n", "nope", "nah", "false", "not really", "no way", "i don't", "i dont", "never", "none",
  "✗", "✘", "×", "❌", "👎", "❎",
]);

/** Not an answer: doubt, or the user repeating the question back. */
const UNKNOWN =
  /不知道|不清楚|不确定|不记得|不晓得|说不清|不好说|无所谓|不一定|可能|也许|或许|有没有|是不是|是否|对不对|要不要|吗|\?|maybe|not sure|unsure|don'?t know|do not know|no idea|\bidk\b|perhaps|dunno|not certain/;

/** Words that contain 没/不/无 but do not negate. */
const FALSE_NEGATIVES = /没错|没问题|不错|不过|不少|不但|不仅|不管|无论|无锡|不久/g;
const NEG_ZH = /没|无|不|未|否/;
const POS_ZH = /有|是|对|需要|办了|领了|办过|领过|在|已经|好|要|嗯/;
const NEG_EN = new Set([
  "no", "not", "nope", "nah", "never", "none", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt",
  "haven't", "havent", "hasn't", "hasnt", "isn't", "isnt", "aren't", "arent", "wasn't", "wasnt",
  "without", "false", "cannot", "can't", "cant", "won't", "wont", "neither", "nor",
]);
const POS_EN = new Set([
  "yes", "yeah", "yep", "yup", "sure", "ok", "okay", "true", "correct", "right", "have", "has", "do",
  "does", "did", "am", "is", "are", "indeed", "absolutely", "definitely", "certainly", "got",
]);

/** Short replies only: a long message is probably not a yes/no answer. */
const MAX_SENTENCE = 50;

function tidy(s: string): string {
  let t = s.replace(/^(?:嗯+|额|呃|哦|噢|well|um+|uh+)[,，\s]+(?=\S)/, "");
  t = t.replace(/[啊呀吧呢哦喔哈嘛啦~!！.。,，…\s]+$/u, "");
  // 对对对, 是是, "yes yes": repetition is emphasis. (Length-guarded: backreference.)
  if (t.length <= MAX_SENTENCE) t = t.replace(/^(.+?)(?:\s*\1)+$/u, "$1");
  return t;
}

export function parseYesNo(text: string): boolean | undefined {
  try {
    const raw = normalize(text);
    if (!raw) return undefined;
    const s = tidy(raw);
    if (YES.has(s)) return true;
    if (NO.has(s)) return false;
    if (s.length > MAX_SENTENCE || UNKNOWN.test(s)) return undefined;

    let zh = s.replace(FALSE_NEGATIVES, (m) => (m === "没错" || m === "没问题" || m === "不错" ? "对" : " "));
    const words = zh.match(/[a-z']+/g) ?? [];
    zh = zh.replace(/[a-z']+/g, " ");
    const neg = NEG_ZH.test(zh) || words.some((w) => NEG_EN.has(w)) || /[✗✘×❌👎]/u.test(s);
    if (neg) return false;
    const pos = POS_ZH.test(zh) || words.some((w) => POS_EN.has(w)) || /[✓✔☑✅👍]/u.test(s);
    return pos ? true : undefined;
  } catch {
    return undefined;
  }
}
