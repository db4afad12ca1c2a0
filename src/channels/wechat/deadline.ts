// WeChat drops a request it has no answer to after 5 seconds. A Deadline decides, once, whether an
// answer made it in time: the work calls answer() when it has something to say; if that is before the
// deadline it goes out now, otherwise `expired` has already resolved and the request got "success".
// Exactly one of the two happens, so an answer is never both sent and kept as late.

export class Deadline {
  /** Resolves when the deadline passes without an answer. */
  readonly expired: Promise<undefined>;
  private settled = false;
  private readonly timer: NodeJS.Timeout;

  constructor(ms: number) {
    let expire!: () => void;
    this.expired = new Promise<undefined>((resolve) => (expire = () => resolve(undefined)));
    this.timer = setTimeout(() => {
      if (this.settled) return;
      this.settled = true;
      expire();
    }, Math.max(0, ms));
  }

  /** False once the request has been answered or has expired. */
  get open(): boolean {
    return !this.settled;
  }

  /** True, once, when called before the deadline: the caller answers the request now. */
  answer(): boolean {
    if (this.settled) return false;
    this.settled = true;
    clearTimeout(this.timer);
    return true;
  }
}

/** Whichever comes first: the work's answer, or undefined ("success") at the deadline. */
export function beforeDeadline<T>(deadline: Deadline, work: Promise<T | undefined>): Promise<T | undefined> {
  return Promise.race([work, deadline.expired]);
}
