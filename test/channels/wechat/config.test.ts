// The WeChat settings from the environment: off without a token, defaults by flavor, one-line errors.
import { describe, expect, it } from "vitest";
import { wechatConfigFromEnv } from "../../../src/channels/wechat/mod.js";
import { Env } from "../../../src/env/mod.js";

const KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

describe("wechatConfigFromEnv", () => {
  it("is undefined (channel off) without WECHAT_TOKEN", () => {
    expect(wechatConfigFromEnv(new Env({}))).toBeUndefined();
    expect(wechatConfigFromEnv(new Env({ WECHAT_TOKEN: "  ", WECHAT_MODE: "safe" }))).toBeUndefined();
  });

  it("defaults to an Official Account in plain mode", () => {
    expect(wechatConfigFromEnv(new Env({ WECHAT_TOKEN: "abc123" }))).toEqual({ token: "abc123", flavor: "oa", mode: "plain" });
  });

  it("reads safe mode, and WeCom defaults to safe", () => {
    expect(wechatConfigFromEnv(new Env({ WECHAT_TOKEN: "abc123", WECHAT_MODE: "safe", WECHAT_AES_KEY: KEY, WECHAT_APP_ID: "wx1" }))).toEqual({
      token: "abc123", flavor: "oa", mode: "safe", encodingAESKey: KEY, appId: "wx1",
    });
    expect(wechatConfigFromEnv(new Env({ WECHAT_TOKEN: "abc123", WECHAT_FLAVOR: "WeCom", WECHAT_AES_KEY: KEY, WECHAT_APP_ID: "ww1" }))).toMatchObject({ flavor: "wecom", mode: "safe" });
  });

  it.each([
    [{ WECHAT_MODE: "safe" }, /WECHAT_MODE=safe needs WECHAT_AES_KEY/],
    [{ WECHAT_MODE: "safe", WECHAT_AES_KEY: KEY }, /needs WECHAT_APP_ID/],
    [{ WECHAT_MODE: "safe", WECHAT_AES_KEY: "tooshort", WECHAT_APP_ID: "wx1" }, /WECHAT_AES_KEY must be the 43-character/],
    [{ WECHAT_FLAVOR: "wecom" }, /WECHAT_AES_KEY/],
    [{ WECHAT_FLAVOR: "wecom", WECHAT_MODE: "plain", WECHAT_AES_KEY: KEY, WECHAT_APP_ID: "ww1" }, /WeCom always encrypts/],
    [{ WECHAT_FLAVOR: "telegram" }, /WECHAT_FLAVOR must be "oa" or "wecom"/],
    [{ WECHAT_MODE: "compat" }, /WECHAT_MODE must be "plain" or "safe"/],
  ])("refuses %o with one line", (env, message) => {
    let error: Error | undefined;
    try {
      wechatConfigFromEnv(new Env({ WECHAT_TOKEN: "abc123", ...env }));
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain("\n");
    expect(error?.message).not.toContain(KEY);
  });
});
