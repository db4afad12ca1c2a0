// Builds the published JSON Schema (docs/profile.schema.json) from the facts vocabulary.
import { INPUT_FACTS, type FactDefinition, type FactScope } from "./facts.js";

type Schema = Record<string, unknown>;

function valueSchema(def: FactDefinition): Schema {
  const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: "null" }] });
  switch (def.type) {
    case "boolean":
      return nullable({ type: "boolean" });
    case "number":
      return nullable({ type: "number", ...(def.min !== undefined && { minimum: def.min }), ...(def.max !== undefined && { maximum: def.max }) });
    case "enum":
      return nullable({ enum: def.values });
    case "enum-list":
      // A value given twice is taken once, as the validator does (validate.ts), so the schema accepts repeats too.
      return nullable({ type: "array", items: { enum: def.values } });
  }
}

function objectOf(scope: FactScope): Schema {
  const properties: Record<string, Schema> = {};
  for (const def of INPUT_FACTS.filter((f) => f.scope === scope)) properties[def.name] = valueSchema(def);
  return { type: "object", additionalProperties: false, properties };
}

export function profileJsonSchema(): Schema {
  const top = objectOf("profile");
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "Household profile for a Shandong basic-public-services screening",
    description: "Missing or null means unknown. See docs/profile.md.",
    type: "object",
    additionalProperties: false,
    required: ["members"],
    properties: {
      ...(top.properties as Schema),
      household: { anyOf: [objectOf("household"), { type: "null" }] },
      members: { type: "array", minItems: 1, maxItems: 30, items: objectOf("member") },
    },
  };
}
