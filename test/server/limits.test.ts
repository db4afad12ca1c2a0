// Who a client is for the rate limit: the socket's address, or behind a trusted proxy the address it appended.
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress } from "../../src/server/limits.js";

const request = (forwarded?: string) => ({ headers: forwarded ? { "x-forwarded-for": forwarded } : {}, socket: { remoteAddress: "10.0.0.1" } }) as unknown as IncomingMessage;

describe("clientAddress", () => {
  it("ignores X-Forwarded-For unless the proxy is trusted", () => {
    expect(clientAddress(request("203.0.113.7"), false)).toBe("10.0.0.1");
  });

  it("takes the last entry, the one the trusted proxy added, not one the client chose", () => {
    expect(clientAddress(request("1.2.3.4, 203.0.113.7"), true)).toBe("203.0.113.7");
    expect(clientAddress(request(), true)).toBe("10.0.0.1");
  });
});
