// Every user-facing string, and the languages the service speaks.
export { translator, LANGS, isLang, type Translate, type Lang } from "./i18n.js";
