/**
 * A broken invariant: something the rules say cannot happen did. It is a bug, never a refusal, so
 * the bot's one catch logs it and apologises (STYLE.md §6). Expected failures are `Refusal`s.
 * Lint forbids `throw new Error` in domain/; throw this instead, with a message for the log.
 */
export class InvariantError extends Error {
  override readonly name = 'InvariantError';
}

/** Asserts a condition the code relies on; a false one is a bug. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}
