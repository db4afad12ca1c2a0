// What a channel hands the server: the paths it answers and how. The server knows no channel by name
// (style rule 8); a new channel is a folder that exports its routes and one line in src/server/main.ts.
import type { RouteHandler } from "./http.js";

/** Which request budget of the rate limiter a route draws on (see src/server/limits.ts). */
export type RouteBudget = "web" | "webhook" | "free";

export interface Route {
  /** Matched exactly against the request's path (the query is ignored). */
  readonly path: string;
  readonly handle: RouteHandler;
  /** Default "web". Webhooks are called by a platform's few servers, so they get a larger budget per address. */
  readonly budget?: RouteBudget;
}
