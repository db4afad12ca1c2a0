// `npm run serve` as a real process (through tsx, on the sources), on a free port: for tests that need a
// separate instance to kill, to restart, or to watch start up. Resolves once it logs that it listens.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../../src/paths.js";

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Every log line so far (JSON). */
  readonly lines: string[];
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const MAIN = join(ROOT, "src", "server", "main.ts");

export function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const { STORE: _s, PORT: _p, HOST: _h, TELEGRAM_BOT_TOKEN: _t, WECHAT_TOKEN: _w, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], { cwd: ROOT, env: { ...inherited, PORT: "0", LOG_LEVEL: "debug", ...env }, stdio: ["ignore", "ignore", "pipe"] });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        lines.push(line);
        const listening = /"event":"listening","address":"([^"]+)"/.exec(line);
        if (listening) {
          resolve({
            url: listening[1]!,
            child,
            lines,
            stop: (signal = "SIGTERM") => {
              if (child.exitCode === null) child.kill(signal);
              return exited;
            },
          });
        }
      }
    });
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening: ${lines.join("\n").slice(-500)}`)));
  });
}
