// Screening a large caseload on every core: batches of households go to worker threads, and their output
// comes back in input order. A small caseload is screened on the main thread (see main.ts), since starting
// workers costs more than it saves.
import { Worker } from "node:worker_threads";
import type { Item, OutputOptions } from "./output.js";

export interface BatchOutput {
  /** UTF-8 output of the batch. */
  readonly bytes: Uint8Array;
  readonly bad: number;
}

export class ScreeningPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (out: BatchOutput) => void; reject: (err: Error) => void }>();
  private nextId = 0;

  constructor(size: number, options: OutputOptions) {
    // Resolved beside this file: worker.js in dist/, or worker.ts when run through tsx (which maps .js to .ts).
    const url = new URL("./worker.js", import.meta.url);
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(url, { workerData: options, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
      worker.on("message", ({ id, bytes, bad }: { id: number; bytes: ArrayBuffer; bad: number }) => {
        this.waiting.get(id)?.resolve({ bytes: new Uint8Array(bytes), bad });
        this.waiting.delete(id);
      });
      worker.on("error", (err) => this.failAll(err));
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /** Screens a batch on the next worker in turn; batches finish in any order, the caller keeps the order. */
  screen(items: readonly Item[]): Promise<BatchOutput> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[id % this.workers.length]!.postMessage({ id, items });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private failAll(err: Error): void {
    for (const { reject } of this.waiting.values()) reject(err);
    this.waiting.clear();
  }
}
