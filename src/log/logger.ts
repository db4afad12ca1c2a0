// One logger for the whole service: pino, one JSON object per line on stderr (stdout belongs to the
// terminal chat and `screen`), with a level and a timestamp. Log lines name events, never what a person
// wrote or answered, and never a user id: callers pass event names and counts only, and the field names
// that could carry such things are censored anyway, in case one ever slips into a call.
import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Field names that could hold personal data; pino replaces their values before writing. */
const PERSONAL_FIELDS = ["text", "input", "content", "answer", "answers", "state", "body", "user", "userId", "openid", "chatId", "session", "profile"];

export interface LoggerOptions {
  readonly level?: LogLevel;
  /** Where lines go; default stderr. Tests pass a stream to read them back. */
  readonly destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? pino.destination({ dest: 2, sync: true });
  return pino(
    {
      level: options.level ?? "info",
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: PERSONAL_FIELDS.flatMap((f) => [f, `*.${f}`]), censor: "[withheld]" },
    },
    destination,
  );
}

/** A logger that writes nothing, for tests and library defaults. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
