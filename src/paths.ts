// Where the project's data lives. Resolved from this file, so commands work from any working directory.
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DATA_DIR = join(ROOT, "data");
export const RULES_DIR = join(ROOT, "rules");
export const LOCALES_DIR = join(ROOT, "locales");
