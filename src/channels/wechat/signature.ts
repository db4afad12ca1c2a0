// Request signatures for WeChat Official Accounts and WeCom: sha1 over the sorted parameters.
// Plain mode signs [token, timestamp, nonce] (query `signature`); encrypted mode adds the Encrypt text
// (query `msg_signature`). Checking it proves the request came from someone who knows the token.
import { createHash, timingSafeEqual } from "node:crypto";

/** sha1 (lowercase hex) of the lexicographically sorted parts, concatenated. */
export function sign(token: string, timestamp: string, nonce: string, encrypt?: string): string {
  const parts = encrypt === undefined ? [token, timestamp, nonce] : [token, timestamp, nonce, encrypt];
  // Default sort compares UTF-16 code units; all parts are ASCII in practice, where that is byte order.
  return createHash("sha1").update(parts.sort().join("")).digest("hex");
}

/** Whether `signature` (as received) matches; compared in constant time so it cannot be guessed byte by byte. */
export function verifySignature(signature: string, token: string, timestamp: string, nonce: string, encrypt?: string): boolean {
  const expected = Buffer.from(sign(token, timestamp, nonce, encrypt), "utf8");
  const received = Buffer.from(String(signature).toLowerCase(), "utf8");
  return received.length === expected.length && timingSafeEqual(received, expected);
}
