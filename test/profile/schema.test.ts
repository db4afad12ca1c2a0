// The published JSON Schema is generated from the facts vocabulary and must not drift from it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../src/paths.js";
import { FACTS, INPUT_FACTS, profileJsonSchema } from "../../src/profile/mod.js";

describe("docs/profile.schema.json", () => {
  const published = JSON.parse(readFileSync(join(ROOT, "docs", "profile.schema.json"), "utf8"));

  it("is up to date (run `npm run schema`)", () => expect(published).toEqual(profileJsonSchema()));

  it("describes every input fact of the vocabulary, and no computed one", () => {
    const text = JSON.stringify(published);
    for (const fact of FACTS) expect(text.includes(`"${fact.name}"`), fact.name).toBe(INPUT_FACTS.includes(fact));
  });

  it("documents every fact in docs/profile.md", () => {
    const doc = readFileSync(join(ROOT, "docs", "profile.md"), "utf8");
    for (const fact of FACTS) expect(doc, fact.name).toContain(`\`${fact.name}\``);
  });
});
