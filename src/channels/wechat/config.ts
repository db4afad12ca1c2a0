// The WeChat channel's settings, read from the environment. WECHAT_TOKEN switches the channel on;
// everything else has a default or is checked here, so a bad combination stops the server at start-up
// with one readable line instead of failing on the first message.
//
//   WECHAT_TOKEN     the Token from the account's server settings (required to enable the channel)
//   WECHAT_FLAVOR    "oa" (Official Account, default) or "wecom" (WeCom self-built app)
//   WECHAT_MODE      "plain" or "safe"; default "plain" for oa, "safe" for wecom (WeCom always encrypts)
//   WECHAT_AES_KEY   the 43-character EncodingAESKey; required in safe mode
//   WECHAT_APP_ID    the Official Account's AppID, or WeCom's CorpID; required in safe mode
import { ConfigError, type Env } from "../../env/mod.js";
import { messageCrypto } from "./crypto.js";

export type WeChatFlavor = "oa" | "wecom";
export type WeChatMode = "plain" | "safe";

export interface WeChatConfig {
  readonly token: string;
  readonly flavor: WeChatFlavor;
  readonly mode: WeChatMode;
  readonly encodingAESKey?: string;
  readonly appId?: string;
}

/** The configuration, or undefined when WECHAT_TOKEN is unset (the channel is off). Throws one-line ConfigErrors. */
export function wechatConfigFromEnv(env: Env): WeChatConfig | undefined {
  const token = env.string("WECHAT_TOKEN");
  if (!token) return undefined;
  if (/\s/.test(token)) throw new ConfigError("WECHAT_TOKEN must not contain spaces");
  const flavor = (env.string("WECHAT_FLAVOR") ?? "oa").toLowerCase();
  if (flavor !== "oa" && flavor !== "wecom") throw new ConfigError(`WECHAT_FLAVOR must be "oa" or "wecom", not "${flavor}"`);
  const mode = (env.string("WECHAT_MODE") ?? (flavor === "wecom" ? "safe" : "plain")).toLowerCase();
  if (mode !== "plain" && mode !== "safe") throw new ConfigError(`WECHAT_MODE must be "plain" or "safe", not "${mode}"`);
  const encodingAESKey = env.string("WECHAT_AES_KEY");
  const appId = env.string("WECHAT_APP_ID");
  const config: WeChatConfig = { token, flavor, mode, ...(encodingAESKey ? { encodingAESKey } : {}), ...(appId ? { appId } : {}) };
  try {
    checkConfig(config, "env");
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  return config;
}

/**
 * Throws a one-line error for a combination that cannot work. `names` picks how settings are called in the
 * message: environment variables, or the option names of createWeChatWebhook.
 */
export function checkConfig(config: Omit<WeChatConfig, "token"> & { readonly token?: string }, names: "env" | "options" = "options"): void {
  const n = names === "env" ? ENV_NAMES : OPTION_NAMES;
  if (!config.token) throw new Error(`${n.token} is required`);
  if (config.flavor === "wecom" && config.mode !== "safe") {
    throw new Error(`WeCom always encrypts its callbacks: use ${n.mode}=safe with ${n.key} and ${n.appId} (the CorpID)`);
  }
  if (config.mode !== "safe") return;
  if (!config.encodingAESKey) throw new Error(`${n.mode}=safe needs ${n.key} (the 43-character EncodingAESKey)`);
  if (!config.appId) throw new Error(`${n.mode}=safe needs ${n.appId} (the ${config.flavor === "wecom" ? "CorpID" : "AppID"})`);
  try {
    messageCrypto(config.encodingAESKey, config.appId);
  } catch {
    throw new Error(`${n.key} must be the 43-character EncodingAESKey (letters, digits, + and /)`);
  }
}

const ENV_NAMES = { token: "WECHAT_TOKEN", mode: "WECHAT_MODE", key: "WECHAT_AES_KEY", appId: "WECHAT_APP_ID" } as const;
const OPTION_NAMES = { token: "token", mode: "mode", key: "encodingAESKey", appId: "appId" } as const;
