// The service catalogue: Shandong's basic public services, with what they give and how to apply.
export { catalogue, loadCatalogue, type Catalogue } from "./catalogue.js";
export { inLang, serviceName, type Item, type Area, type Text, type Lang, type Amount, type Benefit, type Source, type HowToApply } from "./item.js";
