// `npm run -s screen -- FILE|- [options]` (in production `node dist/batch/main.js`): screens households
// from a file or standard input ("-"); the options are in args.ts. Exit status: 0 done; 2 bad input or
// usage (one line on stderr, no stack trace). A caseload (NDJSON or CSV) streams through in constant
// memory; past SMALL_CASELOAD households it is screened by worker threads, output still in input order.
import { exitQuietlyOnClosedPipe } from "../quiet-pipe.js";
import { buildReport } from "../report/mod.js";
import { readArgs, USAGE, type BatchArgs } from "./args.js";
import { householdsFromCsv } from "./caseload-csv.js";
import { catalogueLine } from "./catalogue-line.js";
import { BOM, csvRow } from "./csv.js";
import { parseProfile, readLines, readWhole } from "./input.js";
import { CSV_HEADERS, screenItem, type Item } from "./output.js";
import { ScreeningPool, type BatchOutput } from "./pool.js";

/** Up to this many households are screened on the main thread. */
const SMALL_CASELOAD = 2000;
const BATCH = 500;

function die(message: string): never {
  process.stderr.write(`screen: ${message}\n`);
  process.exit(2);
}

async function write(text: string | Uint8Array): Promise<void> {
  if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once("drain", resolve));
}

async function* itemsOf(args: BatchArgs): AsyncGenerator<Item> {
  if (args.input === "csv") {
    for await (const h of householdsFromCsv(readLines(args.file))) yield { line: h.line, id: h.id, profile: h.profile };
    return;
  }
  let line = 0;
  for await (const text of readLines(args.file)) {
    line++;
    if (text.trim() !== "") yield { line, profile: text };
  }
}

/** Screens the caseload; resolves with the number of bad households. */
async function screenCaseload(args: BatchArgs): Promise<number> {
  if (args.out === "csv") await write(BOM + csvRow(CSV_HEADERS[args.rows]));
  else if (args.catalogue) await write(catalogueLine(args.lang));
  let bad = 0;
  let pool: ScreeningPool | undefined;
  let batch: Item[] = [];
  const pending: Promise<BatchOutput>[] = [];
  const drain = async (keep: number) => {
    while (pending.length > keep) {
      const out = await pending.shift()!;
      bad += out.bad;
      await write(out.bytes);
    }
  };
  let seen = 0;
  for await (const item of itemsOf(args)) {
    seen++;
    if (!pool && (seen <= SMALL_CASELOAD || args.workers === 1)) {
      const result = screenItem(item, args);
      if (!result.ok) bad++;
      await write(result.text);
      continue;
    }
    pool ??= new ScreeningPool(args.workers, args);
    batch.push(item);
    if (batch.length === BATCH) {
      pending.push(pool.screen(batch));
      batch = [];
      await drain(pool.size * 2);
    }
  }
  if (pool && batch.length > 0) pending.push(pool.screen(batch));
  await drain(0);
  await pool?.close();
  return bad;
}

async function main(): Promise<void> {
  exitQuietlyOnClosedPipe();
  const args = readArgs(process.argv.slice(2));
  if (typeof args === "string") die(`${args}\n${USAGE}`);
  try {
    if (args.input !== "json") {
      process.exitCode = (await screenCaseload(args)) > 0 ? 2 : 0;
      return;
    }
    const parsed = parseProfile(readWhole(args.file));
    if (!parsed.ok) die(parsed.error);
    process.stdout.write(`${JSON.stringify(buildReport(parsed.profile, args.lang), null, 2)}\n`);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    die(e.code === "ENOENT" ? `cannot read ${args.file}: no such file` : e.message);
  }
}

await main();
