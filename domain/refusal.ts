import type { z } from 'zod';
import { isoDay } from './calendar';
import { TEXTS, USER_PROVIDED, type RefusalCode, type RefusalParams } from './refusal.catalog';

export type { RefusalCode, RefusalParams } from './refusal.catalog';
export { USER_PROVIDED } from './refusal.catalog';
export type { ActionCode, Locale, RoleWord } from './words';
import type { Locale } from './words';

/**
 * An expected failure (STYLE.md §6); `bot/teams/turn.ts` renders it with `reasonOf`. It carries
 * no stack trace: it is an answer, never logged as a fault, and `availableActions` builds one per
 * action it rules out, on every details card (capturing the stack was a tenth of a turn's CPU).
 */
export class Refusal<C extends RefusalCode = RefusalCode> extends Error {
  constructor(
    readonly code: C,
    readonly params: RefusalParams[C],
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(code);
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.name = 'Refusal';
  }
}

export function refuse<C extends RefusalCode>(code: C, params: RefusalParams[C]): Refusal<C> {
  return new Refusal(code, params);
}

export function isRefusal(value: unknown): value is Refusal {
  return value instanceof Refusal;
}

/**
 * The user-facing reason of a refusal, in the user's language. `safe` makes a value that came
 * from a person or an email card-safe (domain/safe-text.ts); it is applied to exactly the
 * parameters `USER_PROVIDED` names, so this is the one place where they enter a sentence.
 */
export function reasonOf<C extends RefusalCode>(refusal: Refusal<C>, locale: Locale, safe: (text: string) => string = (t) => t): string {
  const render = TEXTS[refusal.code][locale] as (p: RefusalParams[C]) => string;
  const userKeys = (USER_PROVIDED[refusal.code] ?? []) as readonly string[];
  const params: Record<string, unknown> = { ...refusal.params };
  for (const key of userKeys) {
    const value = params[key];
    if (typeof value === 'string') params[key] = safe(value);
  }
  return render(params as RefusalParams[C]);
}

export const refusalCodes = Object.keys(TEXTS) as RefusalCode[];

/** The sane range of every date that enters the domain: from 2000-01-01 to two years after today. */
export const EARLIEST_DATE = new Date(Date.UTC(2000, 0, 1));
export function latestDate(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear() + 2, now.getUTCMonth(), now.getUTCDate()));
}

function outOfRange(value: unknown, path: string, latest: Date): { path: string; date: Date } | null {
  if (value instanceof Date) {
    const t = value.getTime();
    return t < EARLIEST_DATE.getTime() || t > latest.getTime() ? { path, date: value } : null;
  }
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  for (const [k, v] of Object.entries(value)) {
    const hit = outOfRange(v, path ? `${path}.${k}` : k, latest);
    if (hit) return hit;
  }
  return null;
}

/**
 * Parses an input at a service boundary; a zod failure becomes INVALID_INPUT naming the fields.
 * With `now` (the injected clock's), every date in the input must also fall in the sane range,
 * or the input is refused DATE_OUT_OF_RANGE (a mistyped 9999-12-31 never reaches a rule).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, now?: Date): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((i) => i.path.map(String).join('.') || '(input)'))];
    throw refuse('INVALID_INPUT', { fields });
  }
  if (now) {
    const latest = latestDate(now);
    const bad = outOfRange(result.data, '', latest);
    if (bad)
      throw refuse('DATE_OUT_OF_RANGE', {
        field: bad.path,
        date: isoDay(bad.date),
        earliest: isoDay(EARLIEST_DATE),
        latest: isoDay(latest),
      });
  }
  return result.data;
}
