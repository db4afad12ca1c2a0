import { describe, expect, it } from "vitest";
import { CALLBACK_DATA_MAX_BYTES, displayWidth, fitsCallbackData, inlineKeyboard, renderReply, splitText, TELEGRAM_MAX_TEXT } from "../../../src/channels/telegram/mod.js";

/** Every chunk fits, is not empty, and no chunk starts or ends inside a surrogate pair. */
function expectWellFormed(chunks: string[], max: number): void {
  for (const chunk of chunks) {
    expect(chunk.length).toBeLessThanOrEqual(max);
    expect(chunk.trim().length).toBeGreaterThan(0);
    expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(chunk)).toBe(false);
  }
}

describe("splitText", () => {
  it("leaves text within the limit alone, counting characters, not bytes", () => {
    expect(splitText("你好")).toEqual(["你好"]);
    expect(splitText("")).toEqual([""]);
    expect(splitText("山".repeat(TELEGRAM_MAX_TEXT))).toEqual(["山".repeat(TELEGRAM_MAX_TEXT)]);
  });

  it("breaks at blank lines first, dropping the blank line", () => {
    const para = (c: string) => c.repeat(1500);
    const text = [para("甲"), para("乙"), para("丙")].join("\n\n");
    expect(splitText(text)).toEqual([`${para("甲")}\n\n${para("乙")}`, para("丙")]);
  });

  it("prefers a line break late in the chunk to a blank line early in it", () => {
    const text = `${"a".repeat(100)}\n\n${"b".repeat(3900)}\n${"c".repeat(200)}`;
    const chunks = splitText(text);
    expect(chunks).toEqual([`${"a".repeat(100)}\n\n${"b".repeat(3900)}`, "c".repeat(200)]);
  });

  it("breaks long lines at a space, else between characters", () => {
    const words = Array.from({ length: 1000 }, () => "word").join(" ");
    const chunks = splitText(words, 100);
    expectWellFormed(chunks, 100);
    expect(chunks.join(" ")).toBe(words);
    expect(splitText("x".repeat(250), 100)).toEqual(["x".repeat(100), "x".repeat(100), "x".repeat(50)]);
  });

  it("never splits a surrogate pair or an emoji sequence", () => {
    const family = "👨‍👩‍👧";
    const text = `a${"😀".repeat(100)}${family.repeat(20)}`;
    const chunks = splitText(text, 51);
    expectWellFormed(chunks, 51);
    expect(chunks.join("")).toBe(text);
    for (const chunk of chunks) expect(chunk.includes("\u200d") ? chunk.split(family).join("") : chunk).not.toContain("\u200d");
  });

  it("refuses a limit below one character", () => {
    expect(() => splitText("abc", 1)).toThrow(RangeError);
  });
});

describe("inline keyboards", () => {
  const yesNo = [
    { label: "是", value: "#m0.disabled=true" },
    { label: "否", value: "#m0.disabled=false" },
    { label: "不知道", value: "#m0.disabled=?" },
  ];

  it("puts short labels three to a row, as even as possible", () => {
    expect(inlineKeyboard(yesNo)!.inline_keyboard.map((row) => row.length)).toEqual([3]);
    const four = [...yesNo, { label: "都没有", value: "#assist=none" }];
    expect(inlineKeyboard(four)!.inline_keyboard.map((row) => row.length)).toEqual([2, 2]);
    const seven = Array.from({ length: 7 }, (_, i) => ({ label: `c${i}`, value: `#m0.city=${i}` }));
    expect(inlineKeyboard(seven)!.inline_keyboard.map((row) => row.length)).toEqual([3, 3, 1]);
  });

  it("gives medium labels two to a row and long labels a row each", () => {
    const medium = [
      { label: "山东省内其他地方户口", value: "#m0.hukou=shandong" },
      { label: "外省户口", value: "#m0.hukou=other-province" },
    ];
    expect(inlineKeyboard(medium)!.inline_keyboard.map((row) => row.length)).toEqual([2]);
    const long = [
      { label: "Registered poor household (poverty alleviation)", value: "#assist=povertyRegistered" },
      { label: "No", value: "#assist=none" },
    ];
    expect(inlineKeyboard(long)!.inline_keyboard.map((row) => row.length)).toEqual([1, 1]);
  });

  it("sends the option's value as callback_data", () => {
    expect(inlineKeyboard(yesNo)!.inline_keyboard.flat()).toEqual(yesNo.map((o) => ({ text: o.label, callback_data: o.value })));
  });

  it("falls back to the label, then the number, when a value exceeds 64 bytes", () => {
    const tooLong = `#m0.fact=${"x".repeat(CALLBACK_DATA_MAX_BYTES)}`;
    const longLabel = "很长的选项".repeat(5); // 75 bytes
    const buttons = inlineKeyboard([
      { label: "Short", value: tooLong },
      { label: longLabel, value: tooLong },
    ])!.inline_keyboard.flat();
    expect(buttons).toEqual([
      { text: "Short", callback_data: "Short" },
      { text: longLabel, callback_data: "2" },
    ]);
    // Unnumbered options (the question wants a typed number) never send a bare number.
    expect(inlineKeyboard([{ label: longLabel, value: tooLong }], false)).toBeUndefined();
  });

  it("measures callback data in UTF-8 bytes", () => {
    expect(fitsCallbackData("x".repeat(64))).toBe(true);
    expect(fitsCallbackData("x".repeat(65))).toBe(false);
    expect(fitsCallbackData("济".repeat(21))).toBe(true); // 63 bytes
    expect(fitsCallbackData("济".repeat(22))).toBe(false); // 66 bytes
    expect(fitsCallbackData("")).toBe(false);
  });

  it("counts CJK and emoji as two columns", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("不知道")).toBe(6);
    expect(displayWidth("✅ ok")).toBe(5);
  });
});

describe("renderReply", () => {
  it("attaches the keyboard to the last message only", () => {
    const text = `${"甲".repeat(3000)}\n${"乙".repeat(3000)}`;
    const messages = renderReply({ text, options: [{ label: "OK", value: "#x=1" }] });
    expect(messages).toHaveLength(2);
    expect(messages[0]!.reply_markup).toBeUndefined();
    expect(messages[1]!.reply_markup?.inline_keyboard).toEqual([[{ text: "OK", callback_data: "#x=1" }]]);
  });

  it("sends no keyboard for a reply without options, and nothing for an empty reply", () => {
    expect(renderReply({ text: "hi" })).toEqual([{ text: "hi" }]);
    expect(renderReply({ text: "hi", options: [] })).toEqual([{ text: "hi" }]);
    expect(renderReply({ text: "  \n" })).toEqual([]);
  });
});
