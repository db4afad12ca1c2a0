// The facts vocabulary and the household profile: what a screening takes as input.
export { FACTS, FACTS_BY_NAME, INPUT_FACTS, CITIES, factDefinition, isDerived, isOfficeCheck, type FactDefinition, type FactScope, type FactType, type UnlockMode } from "./facts.js";
export { factsFor, type Profile, type Member, type Household, type FactMap } from "./profile.js";
export { validateProfile, checkValue, type Validation } from "./validate.js";
export { profileJsonSchema } from "./schema.js";
export { currentValue, currentValues, PARAMETERS, type Parameter, type DatedValue } from "./parameters.js";
