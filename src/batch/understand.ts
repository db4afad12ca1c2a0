// `npm run -s understand`: shows what the conversation reads in a sentence. NDJSON in, one JSON
// line out per input (docs/understanding.md). A bad line gets an error object; the rest go on.
import { understandLine } from "../dialogue/mod.js";
import { readLines } from "./input.js";

for await (const line of readLines("-")) {
  if (!line.trim()) continue;
  let result: Record<string, unknown>;
  try {
    result = understandLine(JSON.parse(line));
  } catch (err) {
    result = { error: err instanceof SyntaxError ? `not valid JSON (${err.message})` : "could not read this line" };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
