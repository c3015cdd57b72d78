import { DAY_MS } from './calendar';

/** The only source of "now" in the domain: services take a Clock, tests inject a fixed one. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is set; for tests and for replaying. */
export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void; advanceDays(days: number): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current.getTime()),
    set(next) {
      current = new Date(next);
    },
    advanceDays(days) {
      current = new Date(current.getTime() + days * DAY_MS);
    },
  };
}
