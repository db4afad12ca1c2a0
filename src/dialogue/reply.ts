// What the conversation core says, in a form every channel can show: text plus options.
// Telegram turns options into buttons, WeChat into numbered choices, the terminal into a list.

export interface Option {
  /** What the user sees, already translated. */
  readonly label: string;
  /** What the channel sends back as the user's input when this option is chosen. */
  readonly value: string;
  /** Other words a typed answer may use for this option; channels need not show them. */
  readonly aliases?: readonly string[];
}

export interface Reply {
  readonly text: string;
  readonly options?: readonly Option[];
  /**
   * False when the question expects a typed answer (an age, a list of ages) and the options are
   * only shortcuts such as "don't know": text channels then must not number them, or "1" would
   * be read both as an age and as option 1.
   */
  readonly numbered?: boolean;
  /**
   * The user may pick several options before confirming (a checklist); a channel that lets them
   * sends the values joined by commas ("#assist=dibao,tekun"). Options such as "none" and
   * "don't know" stand alone.
   */
  readonly multiple?: boolean;
}

/** Things the core asks its channel to do, since the core itself does no I/O. */
export type Effect =
  /** Forget everything stored about this user now (the /delete command). */
  | { readonly type: "delete-data" }
  /** Offer the printable handout of the results (report/handout.ts renders it from the state's profile). */
  | { readonly type: "handout" };
