// The profile validator and the published JSON Schema (docs/profile.schema.json) must accept exactly the
// same documents: a client that validates with the schema must never be refused by the service, or the
// other way round. ajv (a dev dependency only) judges the schema; thousands of generated documents, valid
// and broken in every way a client might break one, are put to both.
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { ruleset } from "../../src/engine/mod.js";
import { INPUT_FACTS, isDerived, profileJsonSchema, validateProfile } from "../../src/profile/mod.js";
import { profileGenerator, seededRandom } from "../helpers/random-profile.js";

const ajv = new Ajv2020({ allErrors: false, strict: false });
const schemaValid = ajv.compile(profileJsonSchema());

/** Ways a client breaks a document: a wrong type, an out-of-range number, an unknown field, a repeat. */
function mutate(doc: Record<string, unknown>, random: () => number): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as Record<string, unknown> & { members: Record<string, unknown>[] };
  const member = copy.members[Math.floor(random() * copy.members.length)]!;
  const fact = INPUT_FACTS[Math.floor(random() * INPUT_FACTS.length)]!;
  const target = fact.scope === "member" ? member : fact.scope === "household" ? ((copy.household ??= {}) as Record<string, unknown>) : copy;
  const odd = [-1, 1e9, "7", true, [], {}, "not-a-value", 2.5, null, [fact.values?.[0], fact.values?.[0]]];
  switch (Math.floor(random() * 6)) {
    case 0:
      target[fact.name] = odd[Math.floor(random() * odd.length)];
      break;
    case 1:
      member.name = "Zhang San";
      break;
    case 2:
      copy.members = [];
      break;
    case 3:
      return random() < 0.5 ? null : [copy];
    case 4:
      member.conditions = ["diabetes", "diabetes"];
      break;
    default:
      copy.members.push(...Array.from({ length: 30 }, () => ({})));
  }
  return copy;
}

/** The generator also draws computed facts (spouseAge…), which are not part of the input format. */
function inputOnly(profile: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(profile, (key, value) => (key !== "" && typeof key === "string" && isDerived(key) ? undefined : value))) as Record<string, unknown>;
}

describe("profile validator vs the published JSON Schema (ajv)", () => {
  it("agree on 5,000 generated documents, valid and broken", () => {
    const next = profileGenerator(ruleset(), 7_2026);
    const random = seededRandom(11);
    const disagreements: string[] = [];
    let accepted = 0;
    for (let i = 0; i < 5000; i++) {
      const doc = inputOnly(next());
      const candidate = random() < 0.5 ? doc : mutate(doc, random);
      const ours = validateProfile(candidate).ok;
      const theirs = schemaValid(candidate);
      if (ours) accepted++;
      if (ours !== theirs && disagreements.length < 5) disagreements.push(`validator ${ours}, schema ${theirs} (${JSON.stringify(schemaValid.errors?.[0] ?? null)}): ${JSON.stringify(candidate).slice(0, 300)}`);
    }
    expect(disagreements).toEqual([]);
    expect(accepted).toBeGreaterThan(1000);
    expect(accepted).toBeLessThan(4500);
  });
});
