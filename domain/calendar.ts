/**
 * Calendar-day arithmetic in UTC. Calendar dates (assigned on, expires on, delivered on...) are
 * stored as UTC midnight so that "day 180" and "day 60" are whole days whatever the server's zone.
 */
/** One day in milliseconds: the only definition (calendar days here, and day-long durations elsewhere). */
export const DAY_MS = 86_400_000;

/** UTC midnight of the day that contains `at`. */
export function utcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

export function addDays(day: Date, days: number): Date {
  return new Date(utcDay(day).getTime() + days * DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((utcDay(to).getTime() - utcDay(from).getTime()) / DAY_MS);
}

/** Same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(day: Date, years: number): Date {
  const d = utcDay(day);
  const target = new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), lastDay)));
}

/** `YYYY-MM-DD` of a calendar date. */
export function isoDay(day: Date): string {
  return utcDay(day).toISOString().slice(0, 10);
}

/** Parses `YYYY-MM-DD` as UTC midnight. */
export function parseIsoDay(text: string): Date {
  return new Date(`${text}T00:00:00.000Z`);
}
