import { z } from 'zod';
import { isoDay } from '../calendar';
import { invariant } from '../invariant';
import { agreementNumber, calendarDate, customerName, email, engagementDays, voucherNumber } from '../inputs';
import type { DomainDeps } from '../models';
import { notice, type Notice } from '../notice';
import { checkActor } from '../person/actor';
import type { Actor } from '../person/person.model';
import { programCode } from '../program/program.catalog';
import { parseInput, refuse, type Refusal } from '../refusal';
import { voucherResult, type VoucherResult } from '../result';
import { scoped } from '../scope';
import { isDuplicateKey } from '../write';
import { checkIntakeDates, expiryOf, mergePlan, newVoucher, senderMismatch, type IntakeFacts } from './intake.rules';
import type { Voucher } from './voucher.model';
import { ruleTime, type RuleTime } from './voucher.rules';
import { applyPlan } from './voucher.store';

/**
 * Accepts the parser's JSON (extra fields such as confidence are ignored) or a manual entry, and
 * nothing a voucher cannot be: days only 1, 3, 5, 10 or 15 (null: unknown, picked on the card),
 * numbers and names of bounded length and shape, dates in the sane range.
 */
export const intakeInput = z.object({
  voucherNumber,
  program: programCode.nullable().default(null),
  days: engagementDays.nullable().default(null),
  customerName: customerName.nullable().default(null),
  agreementNumber: agreementNumber.nullable().default(null),
  voucherAdminEmail: email.nullable().default(null),
  assignedOn: calendarDate.nullable().default(null),
  expiresOn: calendarDate.nullable().default(null),
  source: z.object({
    kind: z.enum(['email', 'manual']),
    messageId: z.string().max(1000).nullable().default(null),
    senderEmail: email.nullable().default(null),
  }),
});

export interface IntakeResult extends VoucherResult {
  created: boolean;
  /** The forward came from someone other than the voucher administrator: staff confirm by validating. */
  flagged: boolean;
  conflicts: string[];
}

const WANTED = ['program', 'days', 'customerName', 'voucherAdminEmail'] as const;

function intakeNotices(v: Voucher, created: boolean, f: IntakeFacts, merge: { filled: string[]; conflicts: string[] } | null): Notice[] {
  const notices: Notice[] = [
    created
      ? notice('VOUCHER_ADDED', { number: v.number })
      : notice('VOUCHER_MERGED', { number: v.number, filled: merge?.filled ?? [], conflicts: merge?.conflicts ?? [] }),
  ];
  const sender = senderMismatch(f);
  if (sender && !v.validated) notices.push(notice('SENDER_NOT_ADMIN', { number: v.number, sender }));
  const printed = v.printedExpiresOn ?? f.expiresOn;
  if (printed && printed.getTime() > v.expiresOn.getTime())
    notices.push(notice('EXPIRY_CAPPED', { number: v.number, expiresOn: isoDay(v.expiresOn) }));
  const missing = WANTED.filter((k) => v[k] === null);
  if (missing.length) notices.push(notice('VOUCHER_INCOMPLETE', { number: v.number, missing: [...missing] }));
  return notices;
}

function checkIntaker(actor: Actor): void {
  checkActor(actor);
  if (!actor.roles.some((r) => r === 'admin' || r === 'staff' || r === 'system'))
    throw refuse('NOT_PERMITTED', { action: 'intake', roles: ['admin', 'staff'] });
}

async function create(deps: DomainDeps, actor: Actor, f: IntakeFacts, t: RuleTime): Promise<IntakeResult | null> {
  const expiresOn = expiryOf(f);
  if (!expiresOn) throw refuse('INVALID_INPUT', { fields: ['assignedOn', 'expiresOn'] });
  const doc = newVoucher(f, expiresOn, actor, t);
  try {
    await deps.models.vouchers.create(doc);
  } catch (e) {
    // Someone took the same number in at the same moment: merge into theirs.
    if (isDuplicateKey(e)) return null;
    throw e;
  }
  const r = voucherResult(doc, intakeNotices(doc, true, f, null));
  return { ...r, created: true, flagged: Boolean(doc.needsConfirmation), conflicts: [] };
}

/** Intake from a parsed email or a manual entry (DOMAIN.md, step 4); the same number is merged. */
export async function intakeVoucher(deps: DomainDeps, actor: Actor, raw: z.input<typeof intakeInput>): Promise<IntakeResult> {
  checkIntaker(actor);
  const t = ruleTime(deps.clock.now());
  const f = parseInput(intakeInput, raw, t.now);
  const refused: Refusal | null = checkIntakeDates(f.voucherNumber, f, t);
  if (refused) throw refused;
  const find = () => deps.models.vouchers.findOne(scoped(actor.partnerId, { number: f.voucherNumber })).lean<Voucher>();
  const existing = await find();
  const created = existing ? null : await create(deps, actor, f, t);
  if (created) return created;
  const current = existing ?? (await find());
  invariant(current, `voucher ${f.voucherNumber} vanished during intake`);
  const plan = mergePlan(current, f, actor, t);
  if ('code' in plan) throw plan;
  const result = await applyPlan(deps, actor.partnerId, current, plan);
  if (!result.ok) throw refuse('CONCURRENT_UPDATE', { number: f.voucherNumber });
  const notices = intakeNotices(result.doc, false, f, plan);
  return {
    ...voucherResult(result.doc, notices),
    created: false,
    flagged: Boolean(senderMismatch(f) && !current.validated),
    conflicts: plan.conflicts,
  };
}
