// HTTP helpers shared by the server and the channels.
export { HttpError, readBody, send, sendJson, pathOf, queryParam, queryOf, clientGone, type RouteHandler } from "./http.js";
export type { Route, RouteBudget } from "./route.js";
