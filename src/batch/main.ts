// `npm run -s screen -- FILE [--ndjson] [--lang en]`: screens households from a file or stdin ("-").
// Exit status: 0 done; 2 bad input or usage (one line on stderr, no stack trace).
import { buildReport } from "../report/report.js";
import type { Lang } from "../catalogue/mod.js";
import { parseProfile, readLines, readWhole } from "./input.js";

const USAGE = "usage: npm run -s screen -- FILE|- [--ndjson] [--lang zh-CN|en]";

interface Args {
  file: string;
  ndjson: boolean;
  lang: Lang;
}

function parseArgs(argv: string[]): Args | string {
  let file: string | undefined;
  let ndjson = false;
  let lang: Lang = "zh-CN";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--ndjson") ndjson = true;
    else if (arg === "--lang") {
      const value = argv[++i];
      if (value !== "zh-CN" && value !== "en") return `--lang must be zh-CN or en`;
      lang = value;
    } else if (arg.startsWith("--")) return `unknown option ${arg}`;
    else if (file === undefined) file = arg;
    else return "give one FILE (or - for standard input)";
  }
  return file === undefined ? "no FILE given" : { file, ndjson, lang };
}

function die(message: string): never {
  process.stderr.write(`screen: ${message}\n`);
  process.exit(2);
}

async function screenLines(args: Args): Promise<number> {
  let lineNo = 0;
  let bad = 0;
  for await (const line of readLines(args.file)) {
    lineNo++;
    if (line.trim() === "") continue;
    const parsed = parseProfile(line);
    const out = parsed.ok ? buildReport(parsed.profile, args.lang) : { line: lineNo, error: parsed.error };
    if (!parsed.ok) bad++;
    if (!process.stdout.write(`${JSON.stringify(out)}\n`)) await new Promise((r) => process.stdout.once("drain", r));
  }
  return bad > 0 ? 2 : 0;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === "string") die(`${args}\n${USAGE}`);
  try {
    if (args.ndjson) {
      process.exitCode = await screenLines(args);
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
