import { isoDay } from '../calendar';
import type { Actor } from '../person/person.model';
import { refuse, type Refusal } from '../refusal';
import { auditFacts } from './audit-facts';
import type { VoucherState } from './voucher.machine';
import type { AuditEntry, Voucher } from './voucher.model';
import { checkEvent, planFor, type RuleResult, type RuleTime } from './voucher.rules';

/** The details of a voucher that can be corrected (issue 7, defect 6); each already validated by its schema. */
export interface Correction {
  days?: number;
  program?: string;
  customerName?: string;
  agreementNumber?: string;
  voucherAdminEmail?: string;
}
export const CORRECTABLE = ['days', 'program', 'customerName', 'agreementNumber', 'voucherAdminEmail'] as const;
type Field = (typeof CORRECTABLE)[number];

/** After delivery, the engagement was reported with these details: no correction any more. */
const TOO_LATE: readonly VoucherState[] = ['completed', 'redeemed', 'claimed', 'paid'];

/**
 * While reserved or scheduled, a reservation was checked against the program (location approval,
 * enrollment, eligibility) and the days (approval threshold, 15-day rule), and, for a 15-day
 * voucher, against the customer (the one-15-day-engagement rule): those need the reservation
 * cancelled first, so that reserving again checks the corrected values.
 */
const reservationBound = (v: Voucher): readonly Field[] =>
  v.days === 15 ? ['days', 'program', 'customerName', 'agreementNumber'] : ['days', 'program'];

/** Partner admins; the staff member who holds the reservation; while unreserved, the one who took the voucher in. */
export function mayCorrect(v: Voucher, actor: Actor): boolean {
  if (actor.roles.includes('admin') || actor.roles.includes('system')) return true;
  if (!actor.roles.includes('staff')) return false;
  if (v.reservation) return v.reservation.by === actor.aadObjectId;
  return v.audit[0]?.by === actor.aadObjectId;
}

/** Whether this person may correct this voucher now, whatever the values. */
export function checkCorrection(v: Voucher, actor: Actor, t: RuleTime): Refusal | null {
  const permittedRole = actor.roles.some((r) => r === 'admin' || r === 'staff' || r === 'system');
  if (permittedRole && TOO_LATE.includes(v.state)) return refuse('CORRECTION_TOO_LATE', { number: v.number, state: v.state });
  return checkEvent(v, actor, 'correct', t) ?? (mayCorrect(v, actor) ? null : refuse('CORRECTION_NOT_PERMITTED', { number: v.number }));
}

const shown = (x: unknown): string | null => (x === null || x === undefined ? null : x instanceof Date ? isoDay(x) : String(x));

/**
 * Correct a voucher's details (admin, or the staff member who holds it), audited with the old and
 * new value of each field. Refused once delivered (CORRECTION_TOO_LATE), and for the fields a
 * reservation was checked against while it stands (CORRECTION_NEEDS_CANCELLATION). A corrected
 * administrator email on an unreserved voucher asks for validation again, against the new email.
 */
export function correctRule(v: Voucher, actor: Actor, c: Correction, t: RuleTime): RuleResult {
  const refused = checkCorrection(v, actor, t);
  if (refused) return refused;
  const changes: NonNullable<AuditEntry['changes']> = CORRECTABLE.filter((f) => c[f] !== undefined && shown(c[f]) !== shown(v[f])).map(
    (f) => ({
      field: f,
      from: shown(v[f]),
      to: shown(c[f]),
    }),
  );
  if (changes.length === 0) return refuse('NOTHING_TO_CORRECT', { number: v.number });
  const bound = v.state === 'assigned' ? undefined : changes.find((ch) => reservationBound(v).includes(ch.field as Field));
  if (bound) return refuse('CORRECTION_NEEDS_CANCELLATION', { number: v.number, field: bound.field, state: v.state });
  const set: Record<string, unknown> = Object.fromEntries(changes.map((ch) => [ch.field, c[ch.field as Field]]));
  const revalidate = v.state === 'assigned' && v.validated && changes.some((ch) => ch.field === 'voucherAdminEmail');
  if (revalidate) set.validated = null;
  const reason =
    changes.map((ch) => `${ch.field}: ${ch.from ?? '(none)'} -> ${ch.to ?? '(none)'}`).join('; ') +
    (revalidate ? '; validate again with the new email' : '');
  const facts = auditFacts('CORRECTED', { fields: changes.map((ch) => ch.field), validateAgain: Boolean(revalidate) });
  return planFor(v, actor, 'correct', t, { set, changes, reason, facts });
}
