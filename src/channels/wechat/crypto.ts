// Message encryption shared by WeChat Official Accounts ("safe mode") and WeCom callbacks.
// AES-256-CBC, key = base64(EncodingAESKey + "="), IV = first 16 key bytes, and the plaintext
//   random(16) | msgLen (4 bytes, big-endian) | msg | appId (OA) or corpId/receiveId (WeCom)
// padded with PKCS#7 to a 32-byte block, not AES's 16 (which is why Node's auto padding is off).
// Decryption returns a result instead of throwing: bad input comes from the network and must not crash a handler.
// Verify msg_signature (signature.ts) before decrypting, so forged ciphertexts never reach the padding check.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const BLOCK = 32;
const HEADER = 20; // random(16) + msgLen(4)

export type DecryptError = "not-base64" | "bad-length" | "bad-padding" | "bad-message-length" | "bad-utf8" | "wrong-app-id";

export type DecryptResult =
  | { readonly ok: true; readonly message: string; readonly appId: string }
  | { readonly ok: false; readonly error: DecryptError };

export interface MessageCrypto {
  /** Base64 ciphertext for `message`; `random` only for known-answer tests. */
  encrypt(message: string, random?: Buffer): string;
  decrypt(base64: string): DecryptResult;
}

/** Throws at start-up on a malformed key, since that is a configuration error rather than bad input. */
export function messageCrypto(encodingAESKey: string, appId: string): MessageCrypto {
  const key = aesKey(encodingAESKey);
  const iv = key.subarray(0, 16);
  const expectedAppId = Buffer.from(appId, "utf8");

  return {
    encrypt(message, random = randomBytes(16)) {
      if (random.length !== 16) throw new RangeError("random must be 16 bytes");
      const body = Buffer.from(message, "utf8");
      const length = Buffer.alloc(4);
      length.writeUInt32BE(body.length, 0);
      const cipher = createCipheriv("aes-256-cbc", key, iv).setAutoPadding(false);
      const plain = pad(Buffer.concat([random, length, body, expectedAppId]));
      return Buffer.concat([cipher.update(plain), cipher.final()]).toString("base64");
    },

    decrypt(base64) {
      if (typeof base64 !== "string" || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return fail("not-base64");
      const data = Buffer.from(base64, "base64");
      if (data.length < BLOCK || data.length % 16 !== 0) return fail("bad-length");
      const decipher = createDecipheriv("aes-256-cbc", key, iv).setAutoPadding(false);
      const plain = unpad(Buffer.concat([decipher.update(data), decipher.final()]));
      if (!plain) return fail("bad-padding");
      if (plain.length < HEADER) return fail("bad-message-length");
      const length = plain.readUInt32BE(16);
      if (length > plain.length - HEADER) return fail("bad-message-length");
      const appIdBytes = plain.subarray(HEADER + length);
      if (!appIdBytes.equals(expectedAppId)) return fail("wrong-app-id");
      let message: string;
      try {
        message = new TextDecoder("utf-8", { fatal: true }).decode(plain.subarray(HEADER, HEADER + length));
      } catch {
        return fail("bad-utf8");
      }
      return { ok: true, message, appId };
    },
  };
}

function aesKey(encodingAESKey: string): Buffer {
  // Buffer.from(…, "base64") silently skips bad characters, so check the alphabet and length first.
  if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAESKey)) throw new Error("EncodingAESKey must be 43 base64 characters");
  const key = Buffer.from(`${encodingAESKey}=`, "base64");
  if (key.length !== 32) throw new Error("EncodingAESKey must decode to 32 bytes");
  return key;
}

function pad(data: Buffer): Buffer {
  const n = BLOCK - (data.length % BLOCK);
  return Buffer.concat([data, Buffer.alloc(n, n)]);
}

/** The data without its PKCS#7 padding, or undefined when the padding is not valid. */
function unpad(data: Buffer): Buffer | undefined {
  const n = data[data.length - 1]!;
  if (n < 1 || n > BLOCK || n > data.length) return undefined;
  for (let i = data.length - n; i < data.length; i++) if (data[i] !== n) return undefined;
  return data.subarray(0, data.length - n);
}

function fail(error: DecryptError): DecryptResult {
  return { ok: false, error };
}
