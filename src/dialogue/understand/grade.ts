/**
 * Disability grade (残疾等级). China's certificate uses grades 1–4, named by
 * severity: 一级 极重度, 二级 重度, 三级 中度, 四级 轻度. People often say only
 * the severity word. 中度/轻度 pin down one grade; colloquial 重度/"severe"
 * covers grades 1–2, so we return "severe" and the bot asks which one.
 * Bare "mild" in English is similarly vague (3 or 4) → "mild".
 */
import { normalize } from "./normalize.js";
import { parseNumber } from "./numbers.js";

export type Grade = 1 | 2 | 3 | 4 | "severe" | "mild";

const GRADE_DIGIT = "[1-4一二两三四壹贰叁肆]";
const ROMAN: ReadonlyMap<string, number> = new Map([["i", 1], ["ii", 2], ["iii", 3], ["iv", 4]]);

/** The explicit grade number, if the message states one. */
function explicitGrade(s: string): number | undefined {
  // 二级, 3级, 第三级 — not preceded by another numeral (十二级 is not a grade).
  const zh = new RegExp(`(?<![0-9十百一二两三四五六七八九])(${GRADE_DIGIT})\\s*级`).exec(s);
  if (zh) return parseNumber(zh[1]!);
  const en = /(?:grade|level|class|category)\s*(?:no\.?\s*)?([0-9]+|iv|i{1,3}|one|two|three|four)(?![0-9a-z])/.exec(s);
  if (en) return ROMAN.get(en[1]!) ?? parseNumber(en[1]!);
  // A message that is nothing but the number: "3", "三", "第三".
  const bare = new RegExp(`^(?:第\\s*)?(${GRADE_DIGIT}|[0-9]+)\\s*(?:等|档)?$`).exec(s);
  if (bare) return parseNumber(bare[1]!);
  return undefined;
}

/** Severity words, most specific first (极重度 contains 重度). */
function severity(s: string): Grade | undefined {
  if (/极重度|特重|profound|extremely severe|very severe/.test(s)) return 1;
  if (/重度|severe/.test(s)) return "severe";
  if (/中度|moderate/.test(s)) return 3;
  if (/轻度|轻微/.test(s)) return 4;
  if (/\bmild\b/.test(s)) return "mild";
  return undefined;
}

function consistent(grade: number, sev: Grade): boolean {
  if (sev === "severe") return grade <= 2;
  if (sev === "mild") return grade >= 3;
  return sev === grade;
}

export function parseGrade(text: string): Grade | undefined {
  try {
    const s = normalize(text);
    if (!s) return undefined;
    const sev = severity(s);
    const n = explicitGrade(s);
    if (n === undefined) return sev;
    if (n !== 1 && n !== 2 && n !== 3 && n !== 4) return undefined;
    // "一级轻度" contradicts itself; better to ask again than pick one.
    if (sev !== undefined && !consistent(n, sev)) return undefined;
    return n;
  } catch {
    return undefined;
  }
}
