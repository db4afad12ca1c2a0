// The one environment reader: an empty variable is unset, and a bad value names its variable.
import { describe, expect, it } from "vitest";
import { ConfigError, Env } from "../../src/env/mod.js";

describe("Env", () => {
  const env = new Env({ EMPTY: "", SPACES: "  ", N: "12", F: "1.5", ON: "yes", OFF: "0", L: " a, ,b ", BAD: "x" });

  it("takes empty and blank values as unset", () => {
    expect(env.string("EMPTY")).toBeUndefined();
    expect(env.string("SPACES")).toBeUndefined();
    expect(env.integer("EMPTY", 7)).toBe(7);
    expect(env.flag("SPACES", true)).toBe(true);
    expect(env.list("EMPTY")).toEqual([]);
  });

  it("reads numbers, flags, choices and lists", () => {
    expect(env.integer("N", 0)).toBe(12);
    expect(env.positive("F", 1)).toBe(1.5);
    expect([env.flag("ON", false), env.flag("OFF", true)]).toEqual([true, false]);
    expect(env.oneOf("N", ["12", "13"], "13")).toBe("12");
    expect(env.list("L")).toEqual(["a", "b"]);
  });

  it("refuses bad values with a ConfigError naming the variable", () => {
    expect(() => env.integer("BAD", 0)).toThrow(ConfigError);
    expect(() => env.integer("N", 0, 0, 10)).toThrow(/N must be a whole number from 0 to 10/);
    expect(() => env.positive("BAD", 1)).toThrow(/BAD must be a positive number/);
    expect(() => env.flag("BAD", true)).toThrow(/BAD must be "on" or "off"/);
    expect(() => env.oneOf("BAD", ["a"], "a")).toThrow(/BAD must be "a"/);
  });
});
