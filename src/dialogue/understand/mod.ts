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

// Reading a whole message: several facts about several people, questions back, someone else screened
export { extract, type ReadSegment } from "./extract.js";
export type { Mention, FactMention, DoubtMention, MoneyMention, Subject, Relation, Sex } from "./mentions.js";
export { questionBack, type QuestionBack } from "./question-back.js";
export { clientIn, type ClientMention } from "./client.js";
export { GLOSSARY, glossaryTerm, termForFact, type GlossaryTerm } from "./glossary.js";
export { isHedged, pastSettled, polarityAt } from "./polarity.js";
export { ALONE, DECEASED, relationHits } from "./people.js";
export { LEX, HOUSEHOLD, alt, chars, charSet, words, numberTable, ZH_DIGITS, ZH_NUMERALS } from "./lexicon.js";
export { WordFinder, wordSet } from "./words.js";
export { parseResultsCommand, type ResultsCommand } from "./results-command.js";
