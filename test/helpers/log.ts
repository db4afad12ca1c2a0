// A pino logger whose lines the test can read back, parsed.
import { createLogger, type Logger } from "../../src/log/mod.js";

export interface CapturedLog {
  readonly logger: Logger;
  /** Every line as written (JSON text). */
  readonly lines: string[];
  /** The `event` field of every line, in order. */
  events(): string[];
}

export function capturedLog(level: "debug" | "info" | "warn" = "debug"): CapturedLog {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines, events: () => lines.map((l) => String((JSON.parse(l) as { event?: unknown }).event)) };
}
