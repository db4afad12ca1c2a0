// The batch command's options, read with node:util's parseArgs (so `--lang=en` and `--lang en` both work).
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { isLang, type Lang } from "../i18n/mod.js";

export const USAGE = [
  "usage: npm run -s screen -- FILE|- [options]",
  "  one household profile (JSON) in, the full report out; with a caseload:",
  "  --ndjson             one profile per line in, one compact result per line out",
  "  --csv                a CSV caseload in (docs/batch.md), one row per member",
  "  --out ndjson|csv     what a caseload gives (default: ndjson)",
  "  --rows member|household   CSV out: a row per member and service (default), or per household",
  "  --full               each result with its texts (name, reasons, how to apply, sources)",
  "  --catalogue          a first line with the catalogue's texts, once",
  "  --lang zh-CN|en      the language of texts (default zh-CN)",
  "  --workers N          worker threads for a large caseload (default: 1 on fewer than 4 cores)",
].join("\n");

export interface BatchArgs {
  readonly file: string;
  readonly input: "json" | "ndjson" | "csv";
  readonly out: "ndjson" | "csv";
  readonly rows: "member" | "household";
  readonly full: boolean;
  readonly catalogue: boolean;
  readonly lang: Lang;
  readonly workers: number;
}

function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      ndjson: { type: "boolean", default: false },
      csv: { type: "boolean", default: false },
      out: { type: "string", default: "ndjson" },
      rows: { type: "string", default: "member" },
      full: { type: "boolean", default: false },
      catalogue: { type: "boolean", default: false },
      lang: { type: "string", default: "zh-CN" },
      workers: { type: "string" },
    },
  });
}

/** The arguments, or a one-line message saying what is wrong. */
export function readArgs(argv: readonly string[]): BatchArgs | string {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (err) {
    return (err as Error).message.split("\n")[0]!;
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) return "no FILE given";
  if (positionals.length > 1) return "give one FILE (or - for standard input)";
  if (!isLang(values.lang)) return "--lang must be zh-CN or en";
  if (values.out !== "ndjson" && values.out !== "csv") return "--out must be ndjson or csv";
  if (values.rows !== "member" && values.rows !== "household") return "--rows must be member or household";
  if (values.ndjson && values.csv) return "--ndjson and --csv are two input formats: give one";
  const workers = values.workers === undefined ? defaultWorkers() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) return "--workers must be a whole number from 1 to 64";
  return {
    file: positionals[0]!,
    input: values.csv ? "csv" : values.ndjson ? "ndjson" : "json",
    out: values.out,
    rows: values.rows,
    full: values.full,
    catalogue: values.catalogue,
    lang: values.lang,
    workers,
  };
}

/**
 * Screening is memory-bound, and V8's garbage collector already uses a second core for the main thread:
 * on 2 cores, worker threads measured slower than one thread (README, "Benchmark"). From 4 cores on, all but
 * one core screen.
 */
function defaultWorkers(): number {
  const cores = availableParallelism();
  return cores >= 4 ? Math.min(cores - 1, 8) : 1;
}
