// Where the project's data lives. Resolved from this file, so commands work from any working directory,
// and the same from src/ (tests, tsx) and from dist/ (the compiled service): both sit one level below the root.
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DATA_DIR = join(ROOT, "data");
export const RULES_DIR = join(ROOT, "rules");
export const LOCALES_DIR = join(ROOT, "locales");
/** The web page's static files are not compiled, so dist/ serves them from src/. */
export const WEB_PUBLIC_DIR = join(ROOT, "src", "channels", "web", "public");
