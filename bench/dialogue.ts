// Filled in with the conversation core (issue 3).
export async function benchDialogue(): Promise<void> {}
