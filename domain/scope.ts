import { Types } from 'mongoose';

/**
 * Every query and update filter goes through `scoped`, which adds the partner (STYLE.md §4:
 * a query without it is a bug). Several partners share one database; nothing of one partner is
 * visible or changeable through another.
 */
export type PartnerId = Types.ObjectId;

export type Scoped<F extends object> = F & { partnerId: PartnerId };

export function scoped<const F extends object>(partnerId: PartnerId, filter: F): Scoped<F> {
  return { ...filter, partnerId };
}

/** Parses a 24-hex id; returns null for anything else so callers can refuse with NOT_FOUND. */
export function toObjectId(id: string | Types.ObjectId): Types.ObjectId | null {
  if (id instanceof Types.ObjectId) return id;
  return Types.ObjectId.isValid(id) && /^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : null;
}
