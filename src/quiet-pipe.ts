// A command whose output is piped into `head` or a closed pager gets EPIPE on its next write. That is the
// reader's choice, not an error: the command stops quietly instead of printing a stack trace.
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
}
