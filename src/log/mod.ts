// Logging: one pino logger for the service, and a rate-bounded log for rejected requests.
export { createLogger, silentLogger, LOG_LEVELS, type Logger, type LogLevel, type LoggerOptions } from "./logger.js";
export { BoundedLog, type BoundedLogOptions } from "./bounded.js";
