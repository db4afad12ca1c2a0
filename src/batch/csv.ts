// CSV for caseloads, as spreadsheets write it: UTF-8 (a BOM in front is accepted, and written, so Excel
// shows Chinese correctly), commas, fields quoted with "…" when they hold a comma or a quote ("" inside).
// A field may not hold a line break: one line is one row. The columns are documented in docs/batch.md.

export const BOM = "\uFEFF";

/** One line's fields. */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) throw new Error("a quoted field is not closed");
        value += line.slice(i, quote);
        i = quote + 1;
        if (line[i] !== '"') break;
        value += '"';
        i++;
      }
      fields.push(value);
      if (i < line.length && line[i] !== ",") throw new Error("text after a closing quote");
    } else {
      const comma = line.indexOf(",", i);
      fields.push(line.slice(i, comma < 0 ? line.length : comma).trim());
      i = comma < 0 ? line.length : comma;
    }
    if (i >= line.length) return fields;
    i++; // the comma
  }
}

/** One row of output, quoting only where needed. */
export function csvRow(fields: readonly (string | number)[]): string {
  return `${fields.map((f) => (typeof f === "number" || !/[",\r\n]/.test(f) ? String(f) : `"${f.replaceAll('"', '""')}"`)).join(",")}\r\n`;
}

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}
