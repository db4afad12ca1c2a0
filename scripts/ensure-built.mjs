// Runs before `npm start`, `npm run screen`, `npm run serve` and `npm run telegram`: compiles src/ to dist/
// with tsc when dist/ is missing or older than a source file, so a fresh clone (`npm ci && npm start`) and a
// developer who just edited a file both run current code. Plain JavaScript, so it needs no TypeScript loader.
// A production install (`npm ci --omit=dev`, no tsc) with a dist/ already built runs it as it is.
// Only stderr is written to: `npm run -s screen` pipes stdout.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const stamp = join(root, "dist", ".built");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt() {
  return existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
}

const inputs = ["tsconfig.json", "tsconfig.build.json", "package-lock.json"].map((f) => statSync(join(root, f)).mtimeMs);
const stale = process.argv.includes("--always") || builtAt() < Math.max(newestSource(join(root, "src")), ...inputs);
if (stale) {
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  if (!existsSync(tsc)) {
    if (existsSync(stamp)) process.exit(0); // a production install: keep the dist/ it was given
    process.stderr.write("dist/ is not built and TypeScript is not installed: run `npm ci` (with dev dependencies) first.\n");
    process.exit(1);
  }
  const started = Date.now();
  const run = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: ["ignore", 2, 2] });
  if (run.status !== 0) process.exit(run.status ?? 1);
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  process.stderr.write(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
