export { translator, LANGS, type Translate } from "./i18n.js";
