// "print" on Telegram: the household handout as an .html file, to open in a browser, print or forward to
// family, made in memory (nothing touches the disk) by the same export as the terminal's /export FILE.html.
import { InputFile } from "grammy";
import { shandongDate, type DialogueState } from "../../dialogue/mod.js";
import { translator } from "../../i18n/mod.js";
import { exportScreening } from "../../report/mod.js";

export interface HandoutDocument {
  readonly file: InputFile;
  readonly caption: string;
}

export function handoutDocument(state: DialogueState, when: Date): HandoutDocument {
  const t = translator(state.lang);
  const html = exportScreening(state.profile, state.lang, "html", when, state.client);
  // The file is named by the date the handout itself shows (its UTC date, as buildHandout writes it).
  const name = t("telegram.handout.file", { date: shandongDate(when) });
  // Bytes, not a string: grammY would read a string as a path on disk.
  return { file: new InputFile(Buffer.from(html, "utf8"), name), caption: t("telegram.handout.caption") };
}
