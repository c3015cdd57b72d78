import assert from 'node:assert/strict';
import type { Voucher } from '../../../domain/domain';
import { reasonOf, type Refusal } from '../../../domain/refusal';
import { refused } from '../refused';
import type { World } from '../world';

/** Every document a refused action could have touched, as stored (GridFS files included). */
export async function snapshot(w: World): Promise<string> {
  const m = w.domain.deps.models;
  const all = <T>(q: { sort: (s: Record<string, 1>) => { lean: () => Promise<T> } }) => q.sort({ _id: 1 }).lean();
  const files = w.domain.deps.connection.db?.collection('deliverables.files');
  return JSON.stringify({
    vouchers: await all(m.vouchers.find({})),
    approvals: await all(m.approvals.find({})),
    people: await all(m.people.find({})),
    locations: await all(m.locations.find({})),
    enrollments: await all(m.enrollments.find({})),
    eligibilities: await all(m.eligibilities.find({})),
    profiles: await all(m.profiles.find({})),
    files: files ? await files.find({}).sort({ _id: 1 }).toArray() : [],
  });
}

/**
 * The action is refused with `code`, its reason reads in English and French (no internal name),
 * and nothing stored changed: the documents read again are those read before.
 */
export async function refusedWithoutTrace(w: World, action: () => Promise<unknown>, code: string): Promise<Refusal> {
  const before = await snapshot(w);
  const e = await refused(action(), code);
  const after = await snapshot(w);
  const at = [...before].findIndex((c, i) => after[i] !== c);
  assert.ok(after === before, `${code}: a refused action left a change behind, near ${after.slice(Math.max(0, at - 300), at + 200)}`);
  for (const locale of ['en', 'fr'] as const) {
    const text = reasonOf(e, locale);
    assert.ok(text.length > 10, `${code} ${locale}: empty reason`);
    assert.doesNotMatch(
      text,
      /\b(requestRedemption|approveReservation|not_started|in_progress|undefined|null|NaN|\[object)\b/,
      `${code} ${locale}: ${text}`,
    );
  }
  assert.notEqual(reasonOf(e, 'en'), reasonOf(e, 'fr'), `${code}: the French reason is the English one`);
  return e;
}

/** Every action result has one shape: the changed vouchers, the approval (or null) and the notices. */
export function assertResultShape(r: { vouchers: Voucher[]; approval: unknown; notices: unknown[] }): void {
  assert.ok(Array.isArray(r.vouchers) && r.vouchers.length > 0, 'vouchers');
  assert.ok(r.approval === null || typeof r.approval === 'object', 'approval');
  assert.ok(Array.isArray(r.notices) && r.notices.length > 0, 'notices');
}

export const idOf = (v: { _id: unknown }): string => String(v._id);
