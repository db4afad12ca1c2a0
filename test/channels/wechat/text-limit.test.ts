import { describe, expect, it } from "vitest";
import { chosenOption, numberedOptions, splitByBytes, utf8Length } from "../../../src/channels/wechat/mod.js";

/** Every chunk fits, and no chunk starts or ends inside a surrogate pair. */
function expectWellFormed(chunks: string[], max: number): void {
  for (const chunk of chunks) {
    expect(utf8Length(chunk)).toBeLessThanOrEqual(max);
    expect(chunk.length).toBeGreaterThan(0);
    expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(chunk)).toBe(false);
  }
}

describe("splitByBytes", () => {
  it("leaves short text alone", () => {
    expect(splitByBytes("你好")).toEqual(["你好"]);
    expect(splitByBytes("")).toEqual([""]);
    expect(splitByBytes("x".repeat(2000))).toEqual(["x".repeat(2000)]);
  });

  it("counts bytes: Chinese is 3 bytes a character", () => {
    const text = "山".repeat(1000); // 3000 bytes
    const chunks = splitByBytes(text);
    expect(chunks).toEqual(["山".repeat(666), "山".repeat(334)]);
    expectWellFormed(chunks, 2000);
  });

  it("breaks at blank lines first, dropping the blank line", () => {
    const para = (c: string) => c.repeat(300); // 900 bytes
    const text = [para("甲"), para("乙"), para("丙")].join("\n\n");
    expect(splitByBytes(text)).toEqual([`${para("甲")}\n\n${para("乙")}`, para("丙")]);
  });

  it("then at newlines", () => {
    const line = (c: string) => c.repeat(400); // 1200 bytes
    expect(splitByBytes(`${line("一")}\n${line("二")}\n${line("三")}`)).toEqual([line("一"), line("二"), line("三")]);
  });

  it("prefers a late newline to an early blank line", () => {
    const text = `${"a".repeat(100)}\n\n${"b".repeat(1500)}\n${"c".repeat(1000)}`;
    expect(splitByBytes(text)).toEqual([`${"a".repeat(100)}\n\n${"b".repeat(1500)}`, "c".repeat(1000)]);
  });

  it("never splits an emoji's surrogate pair", () => {
    for (const max of [4, 5, 6, 7, 2000]) {
      const text = "a😀".repeat(1000);
      const chunks = splitByBytes(text, max);
      expect(chunks.join("")).toBe(text);
      expectWellFormed(chunks, max);
    }
  });

  it("keeps grapheme clusters (ZWJ families, flags) whole when they fit", () => {
    const family = "👨‍👩‍👧"; // 18 bytes
    const flag = "🇨🇳"; // 8 bytes
    for (const unit of [family, flag]) {
      const text = `x${unit.repeat(300)}`;
      const chunks = splitByBytes(text, 100);
      expect(chunks.join("")).toBe(text);
      expectWellFormed(chunks, 100);
      for (const chunk of chunks.slice(1)) expect(chunk.startsWith(unit)).toBe(true);
    }
  });

  it("splits a grapheme larger than the limit at code points rather than failing", () => {
    const family = "👨‍👩‍👧‍👦"; // 25 bytes
    const chunks = splitByBytes(family.repeat(3), 8);
    expect(chunks.join("")).toBe(family.repeat(3));
    expectWellFormed(chunks, 8);
  });

  it("handles mixed Chinese, emoji and newlines at random limits without losing text", () => {
    const pieces = ["山东", "😀", "\n", "\n\n", "居住证", "a", " ", "🇨🇳", "👨‍👩‍👧"];
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 400 }, () => pieces[rand(pieces.length)]).join("");
      const max = 4 + rand(300);
      const chunks = splitByBytes(text, max);
      expectWellFormed(chunks, max);
      // Only whitespace at breaks may be dropped.
      expect(chunks.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
    }
  });

  it("refuses a limit below one character", () => {
    expect(() => splitByBytes("abc", 3)).toThrow(RangeError);
  });
});

describe("numberedOptions", () => {
  const options = [
    { label: "是", value: "yes" },
    { label: "否", value: "no" },
  ];

  it("lists options as numbered lines under the text", () => {
    expect(numberedOptions("您有济南户口吗？", options)).toBe("您有济南户口吗？\n\n1. 是\n2. 否");
    expect(numberedOptions("只有文字")).toBe("只有文字");
  });

  it("maps a typed number back to its option, full-width digits included", () => {
    expect(chosenOption("1", options)).toEqual(options[0]);
    expect(chosenOption(" 2. ", options)).toEqual(options[1]);
    expect(chosenOption("２", options)).toEqual(options[1]);
    expect(chosenOption("2、", options)).toEqual(options[1]);
    expect(chosenOption("3", options)).toBeUndefined();
    expect(chosenOption("0", options)).toBeUndefined();
    expect(chosenOption("是", options)).toBeUndefined();
    expect(chosenOption("12岁", options)).toBeUndefined();
  });
});
