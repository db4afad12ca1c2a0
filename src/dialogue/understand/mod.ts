/**
 * Understanding user replies: raw text in, structured meaning out.
 * Every function is pure and total — it never throws, and returns
 * undefined for "could not read" so the dialogue can simply re-ask.
 */
export { normalize, MAX_LENGTH } from "./normalize.js";
export { parseNumber, scanNumbers, type NumberToken } from "./numbers.js";
export { parseMonths } from "./duration.js";
export { parseIncome } from "./money.js";
export { parseYesNo } from "./yesno.js";
export { parseGrade, type Grade } from "./grade.js";
export { parseCommand, type Command, type Lang, type ParsedCommand } from "./intent.js";
export { parseCorrection, type Correction } from "./correction.js";
export { matchOption, type Option } from "./options.js";
