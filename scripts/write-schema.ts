// Regenerates docs/profile.schema.json from data/facts.json: `npm run schema`.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../src/paths.js";
import { profileJsonSchema } from "../src/profile/mod.js";

writeFileSync(join(ROOT, "docs", "profile.schema.json"), `${JSON.stringify(profileJsonSchema(), null, 2)}\n`);
