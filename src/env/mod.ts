// Reading settings from the environment: the one reader every command uses.
export { Env, ConfigError, orExit, type EnvSource } from "./env.js";
