/**
 * What to do after a failed proactive send (TEAMS.md, Rate limits): retry 429, 412, 502, 503 and
 * 504 (and a connection that failed) with exponential backoff and jitter, never sooner than the
 * server's Retry-After; 403 (the bot was removed) and 404 (the conversation is gone) will not
 * succeed later; anything else is a request that would fail again the same way.
 */
export type RetryDecision = { kind: 'retry'; delayMs: number } | { kind: 'undeliverable' } | { kind: 'failed' };

const RETRIED = new Set([429, 412, 502, 503, 504]);
const BASE_MS = 1_000;
const MAX_DELAY_MS = 5 * 60_000;
/** About two hours of tries in all; past that the message is recorded as failed. */
export const MAX_ATTEMPTS = 30;

/** `status` null: no HTTP answer at all (the connection failed). `random` is in [0, 1). */
export function retryDecision(status: number | null, retryAfterMs: number | null, attempts: number, random: number): RetryDecision {
  if (status === 403 || status === 404) return { kind: 'undeliverable' };
  if (status !== null && !RETRIED.has(status)) return { kind: 'failed' };
  if (attempts >= MAX_ATTEMPTS) return { kind: 'failed' };
  const ceiling = Math.min(MAX_DELAY_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  // "Equal jitter": at least half the backoff, so instances that failed together spread out.
  const backoff = ceiling / 2 + random * (ceiling / 2);
  return { kind: 'retry', delayMs: Math.round(Math.max(backoff, retryAfterMs ?? 0)) };
}
