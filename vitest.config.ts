import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    testTimeout: 60_000,
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      // Entry points run as child processes (their own tests spawn them), which V8 coverage of this process does not see.
      // mod.ts files only re-export.
      exclude: ["src/**/main.ts", "src/batch/worker.ts", "src/**/mod.ts"],
      reporter: ["text-summary"],
      // Set a little below what was measured on 2026-12-01, so a change that leaves code untested fails the run.
      // The whole tree (lines 76.6, statements 72.8, functions 73.7, branches 61.3: the new text readers in
      // src/dialogue/reading and understand/ have few tests yet; raise these as theirs land), and the service's
      // own folders, which are held to more.
      thresholds: {
        lines: 75,
        statements: 71,
        functions: 72,
        branches: 59,
        "src/{store,channels,server,http,log,env}/**/*.ts": { lines: 92, statements: 86, functions: 86, branches: 78 },
      },
    },
  },
});
