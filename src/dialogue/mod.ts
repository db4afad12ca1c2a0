// The channel-neutral conversation: (state, input) -> (state, replies).

// Commonly used
export { start, respond, onCoreError, type Turn } from "./conversation.js";
export { initialState, restoreState, type DialogueState } from "./state.js";
export type { Reply, Option, Effect } from "./reply.js";

// For exports and summaries
export { renderResults, renderUniversal } from "./results.js";

// Reading messages: the same code for the conversation and `npm run -s understand`
export { readMessage, type ReadInput } from "./reading/read.js";
export { understandLine } from "./reading/line.js";
export type { Reading, Intent, Recorded, Confirm } from "./reading/types.js";
