// A WeChat webhook on a real node:http server (127.0.0.1, a free port), and a client that talks to it the
// way WeChat does: signed query strings, XML bodies, encrypted in safe mode with @wecom/crypto.
import { decrypt as wecomDecrypt, encrypt as wecomEncrypt, getSignature } from "@wecom/crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ChatSessions } from "../../../src/channels/chat-session.js";
import { createWeChatWebhook, parseInbound, sign, type WeChatWebhookOptions } from "../../../src/channels/wechat/mod.js";
import { HttpError } from "../../../src/http/mod.js";
import { MemoryStore, type SessionStore } from "../../../src/store/mod.js";
import { capturedLog } from "../../helpers/log.js";

export const TOKEN = "t0kenForTests";
export const AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
export const APP_ID = "wx5823bf96d3bd56c7";
export const ACCOUNT = "gh_0123456789ab";

export interface Harness {
  readonly url: string;
  readonly store: SessionStore;
  readonly logs: string[];
  /** Every input the core was called with, in order. */
  readonly inputs: string[];
  close(): Promise<void>;
}

export type HarnessOptions = Partial<Omit<WeChatWebhookOptions, "store">> & { store?: SessionStore };

export async function startWebhook(options: HarnessOptions = {}): Promise<Harness> {
  const store = options.store ?? new MemoryStore();
  const inputs: string[] = [];
  const real = options.sessions ?? new ChatSessions(store);
  const sessions: WeChatWebhookOptions["sessions"] = {
    handle(key, input, handleOptions) {
      inputs.push(input);
      return real.handle(key, input, handleOptions);
    },
    run: (key, work) => real.run(key, work),
    lang: (key) => real.lang(key),
  };
  const log = capturedLog();
  const logs = log.lines;
  const handler = createWeChatWebhook({ token: TOKEN, mode: "plain", flavor: "oa", log: log.logger, ...options, sessions, store });
  const server: Server = createServer((req, res) => {
    handler(req, res).catch((err: unknown) => {
      if (err instanceof HttpError) res.writeHead(err.status, err.headers).end(err.message);
      else res.writeHead(500).end("internal error");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/wechat`,
    store,
    logs,
    inputs,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

let nextMsgId = 24762662405509000n;
export function newMsgId(): string {
  nextMsgId += 1n;
  return nextMsgId.toString();
}

export function textXml(from: string, content: string, msgId = newMsgId(), to = ACCOUNT): string {
  return (
    `<xml><ToUserName>${cdata(to)}</ToUserName><FromUserName>${cdata(from)}</FromUserName><CreateTime>1700000000</CreateTime>` +
    `<MsgType><![CDATA[text]]></MsgType><Content>${cdata(content)}</Content><MsgId>${msgId}</MsgId></xml>`
  );
}

export function eventXml(from: string, event: string, createTime = 1700000001): string {
  return (
    `<xml><ToUserName>${cdata(ACCOUNT)}</ToUserName><FromUserName>${cdata(from)}</FromUserName><CreateTime>${createTime}</CreateTime>` +
    `<MsgType><![CDATA[event]]></MsgType><Event>${cdata(event)}</Event></xml>`
  );
}

export function imageXml(from: string): string {
  return (
    `<xml><ToUserName>${cdata(ACCOUNT)}</ToUserName><FromUserName>${cdata(from)}</FromUserName><CreateTime>1700000002</CreateTime>` +
    `<MsgType><![CDATA[image]]></MsgType><PicUrl>${cdata("http://example.invalid/a.jpg")}</PicUrl><MediaId>${cdata("m1")}</MediaId><MsgId>${newMsgId()}</MsgId></xml>`
  );
}

/** Now, as WeChat puts it in the query: seconds since the epoch. */
export function nowTimestamp(): string {
  return String(Math.floor(Date.now() / 1000));
}

export function randomNonce(): string {
  return String(Math.floor(Math.random() * 1e9));
}

/** A plain-mode POST, signed like WeChat signs it (or with `signature` given, to forge one). */
export async function postPlain(url: string, body: string, signature?: string, timestamp = nowTimestamp(), nonce = randomNonce()): Promise<Response> {
  const query = new URLSearchParams({ signature: signature ?? sign(TOKEN, timestamp, nonce), timestamp, nonce, openid: "ignored" });
  return fetch(`${url}?${query}`, { method: "POST", body, headers: { "content-type": "text/xml" } });
}

/** A safe-mode POST: the message encrypted and signed with @wecom/crypto, as WeChat/WeCom send it. */
export async function postSafe(url: string, innerXml: string, options: { badSignature?: boolean; appId?: string; timestamp?: string; nonce?: string } = {}): Promise<Response> {
  const encrypt = wecomEncrypt(AES_KEY, innerXml, options.appId ?? APP_ID);
  const timestamp = options.timestamp ?? nowTimestamp();
  const nonce = options.nonce ?? randomNonce();
  const msgSignature = options.badSignature ? "0".repeat(40) : getSignature(TOKEN, timestamp, nonce, encrypt);
  const query = new URLSearchParams({ msg_signature: msgSignature, timestamp, nonce, encrypt_type: "aes", signature: sign(TOKEN, timestamp, nonce) });
  const body = `<xml><ToUserName>${cdata(ACCOUNT)}</ToUserName><Encrypt>${cdata(encrypt)}</Encrypt></xml>`;
  return fetch(`${url}?${query}`, { method: "POST", body });
}

/** The reply's Content (plain mode), checked to be a passive text reply from the account to `to`. */
export function replyContent(xml: string, to: string, from = ACCOUNT): string {
  const parsed = parseInbound(xml);
  if (!parsed.ok || parsed.value.kind !== "message") throw new Error(`not a reply: ${xml.slice(0, 200)}`);
  const m = parsed.value;
  if (m.toUser !== to || m.fromUser !== from || m.msgType !== "text") throw new Error(`misaddressed reply: ${m.toUser} ${m.fromUser} ${m.msgType}`);
  return m.content ?? "";
}

/** An encrypted reply opened with @wecom/crypto, after checking its msg_signature. */
export function openEncryptedReply(xml: string): { inner: string; id: string } {
  const field = (name: string) => new RegExp(`<${name}>(?:<!\\[CDATA\\[)?(.*?)(?:\\]\\]>)?</${name}>`, "s").exec(xml)?.[1] ?? "";
  const encrypt = field("Encrypt");
  const expected = getSignature(TOKEN, field("TimeStamp"), field("Nonce"), encrypt);
  if (field("MsgSignature") !== expected) throw new Error("bad msg_signature on our reply");
  const { message, id } = wecomDecrypt(AES_KEY, encrypt);
  return { inner: message, id };
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
