// The channel-neutral conversation: (state, input) -> (state, replies).

// Commonly used
export { start, respond, onCoreError, type Turn, type RespondOptions } from "./conversation.js";
export { initialState, restoreState, type DialogueState } from "./state.js";
export type { Reply, Option, Effect } from "./reply.js";

// For exports and summaries
export { renderSummary, type Rendered } from "./results/summary.js";
export { renderUniversal } from "./results/universal.js";
export { screenWidth } from "./results/screen-width.js";
export { buildHandout, shandongDate, type Handout, type HandoutService, type HandoutOpen } from "./results/handout.js";
export { answerLines } from "./results/answers.js";
export { whoLabel } from "./who.js";
export type { ClientMode } from "./state.js";

// Reading messages: the same code for the conversation and `npm run -s understand`
export { readMessage, type ReadInput } from "./reading/read.js";
export { understandLine } from "./reading/line.js";
export type { Reading, Intent, Recorded, Confirm } from "./reading/types.js";
