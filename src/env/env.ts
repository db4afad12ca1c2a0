// The one place the process environment is read. An empty or all-space variable counts as unset, so a
// `HOST=` line left in a .env file means "the default", never "every interface". A bad value is a
// ConfigError naming the variable, which the commands print as one line before exiting with status 2.
export type EnvSource = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {}

export class Env {
  constructor(private readonly source: EnvSource = process.env) {}

  /** The trimmed value, or undefined when unset or blank. */
  string(name: string): string | undefined {
    const value = this.source[name]?.trim();
    return value === undefined || value === "" ? undefined : value;
  }

  /** One of `choices` (compared as written), or `fallback` when unset. */
  oneOf<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const value = this.string(name);
    if (value === undefined) return fallback;
    if (!(choices as readonly string[]).includes(value)) throw new ConfigError(`${name} must be ${choices.map((c) => `"${c}"`).join(" or ")}, not "${value}"`);
    return value as T;
  }

  /** An integer in [min, max], or `fallback` when unset. */
  integer(name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    const value = this.string(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
    return n;
  }

  /** A positive number (fractions allowed), or `fallback` when unset. */
  positive(name: string, fallback: number): number {
    const value = this.string(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${name} must be a positive number, not "${value}"`);
    return n;
  }

  /** "on"/"off" (also true/false, 1/0, yes/no), or `fallback` when unset. */
  flag(name: string, fallback: boolean): boolean {
    const value = this.string(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (["on", "true", "1", "yes"].includes(value)) return true;
    if (["off", "false", "0", "no"].includes(value)) return false;
    throw new ConfigError(`${name} must be "on" or "off", not "${value}"`);
  }

  /** A comma-separated list without blanks; empty when unset. */
  list(name: string): string[] {
    return (this.string(name) ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "");
  }
}

/** Runs a command's set-up; a ConfigError is printed as one line and the process exits with status 2. */
export function orExit<T>(prefix: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${prefix}: ${err.message}\n`);
    process.exit(2);
  }
}
