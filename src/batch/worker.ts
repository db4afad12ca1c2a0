// A worker thread of the batch command: screens batches of households and sends back their output text.
import { parentPort, workerData } from "node:worker_threads";
import { screenItem, type Item, type OutputOptions } from "./output.js";

const options = workerData as OutputOptions;

parentPort!.on("message", ({ id, items }: { id: number; items: Item[] }) => {
  let text = "";
  let bad = 0;
  for (const item of items) {
    const result = screenItem(item, options);
    text += result.text;
    if (!result.ok) bad++;
  }
  // Sent as bytes and transferred, not copied: the main thread writes them to stdout as they are.
  const bytes = Buffer.from(text, "utf8");
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  parentPort!.postMessage({ id, bytes: buffer, bad }, [buffer]);
});
