import { z } from 'zod';
import { agreementNumber, calendarDate, customerName, email, engagementDays, lineText, text, voucherRef } from '../inputs';
import type { DomainDeps } from '../models';
import { notice } from '../notice';
import type { Actor } from '../person/person.model';
import { programCode } from '../program/program.catalog';
import { parseInput } from '../refusal';
import { voucherResult, type VoucherResult } from '../result';
import { scoped } from '../scope';
import { CANCEL_REASONS } from './audit-facts';
import { CORRECTABLE, correctRule } from './correct.rules';
import { cancelRule, completeRule, scheduleRule, validateRule } from './delivery.rules';
import { claimRule, payRule } from './payment.rules';
import {
  byLocationContact,
  changeVoucher,
  checkReader,
  loadVoucher,
  loadVoucherByNumber,
  underApprovedLocation,
  withExpectedState,
  type Rule,
} from './voucher.store';
import type { Voucher } from './voucher.model';

export const validateInput = z.object({ ...voucherRef, voucherAdminEmail: email });
export const correctInput = z.object({
  ...voucherRef,
  days: engagementDays.optional(),
  program: programCode.optional(),
  customerName: customerName.optional(),
  agreementNumber: agreementNumber.optional(),
  voucherAdminEmail: email.optional(),
});
/** A reason from the list (`reasonCode`, "other" when not given) and the person's words (`reason`), required for "other". */
export const cancelInput = z
  .object({ ...voucherRef, reasonCode: z.enum(CANCEL_REASONS).default('other'), reason: text(500).optional() })
  .refine((i) => i.reasonCode !== 'other' || i.reason !== undefined, { path: ['reason'], message: 'a reason is required' });
export const scheduleInput = z.object({ ...voucherRef, start: calendarDate, end: calendarDate, consultantAadObjectId: lineText(64) });
export const completeInput = z.object({
  ...voucherRef,
  deliveredOn: calendarDate,
  summary: text(5000),
  attendees: z.array(lineText(200)).min(1).max(100),
  recommendations: text(5000),
});
export const claimInput = z.object({ ...voucherRef, claimNumber: lineText(64) });
export const payInput = z.object({ ...voucherRef, paidOn: calendarDate });

/** Voucher use cases other than intake, reservation and approvals (see the sibling services). */
export function voucherLifecycle(deps: DomainDeps) {
  /** Applies one action: the state the user saw is checked first, then the rule, in one conditional write. */
  const act = async (
    actor: Actor,
    ref: { voucherId: string; expectedState?: Voucher['state'] | null },
    rule: Rule,
  ): Promise<VoucherResult> => voucherResult(await changeVoucher(deps, actor, ref.voucherId, withExpectedState(rule, ref.expectedState)));
  const now = () => deps.clock.now();
  return {
    /** Validate: voucher number + voucher administrator email on record (DOMAIN.md, step 4). */
    async validate(actor: Actor, input: z.input<typeof validateInput>): Promise<VoucherResult> {
      const i = parseInput(validateInput, input, now());
      return act(actor, i, (v, t) => validateRule(v, actor, i.voucherAdminEmail, t));
    },
    /** Correct days, program, customer, agreement or administrator email (issue 7, defect 6); audited. */
    async correct(actor: Actor, input: z.input<typeof correctInput>): Promise<VoucherResult> {
      const i = parseInput(correctInput, input, now());
      const r = await act(actor, i, (v, t) => correctRule(v, actor, i, t));
      const fields = CORRECTABLE.filter((f) => r.voucher.audit.at(-1)?.changes?.some((c) => c.field === f));
      return { ...r, notices: [notice('VOUCHER_CORRECTED', { number: r.voucher.number, fields }), ...r.notices] };
    },
    /** Cancel a reservation, reason required (DOMAIN.md, Program rules); staff of the holding location. */
    async cancel(actor: Actor, input: z.input<typeof cancelInput>): Promise<VoucherResult> {
      const i = parseInput(cancelInput, input, now());
      return act(
        actor,
        i,
        byLocationContact(deps, actor, (v, t) => cancelRule(v, actor, { reason: i.reasonCode, words: i.reason ?? null }, t)),
      );
    },
    /** Schedule or reschedule the engagement (DOMAIN.md, Engagement facts). */
    async schedule(actor: Actor, input: z.input<typeof scheduleInput>): Promise<VoucherResult> {
      const i = parseInput(scheduleInput, input, now());
      const consultant = await deps.models.people.findOne(scoped(actor.partnerId, { aadObjectId: i.consultantAadObjectId })).lean();
      return act(
        actor,
        i,
        byLocationContact(deps, actor, (v, t) => scheduleRule(v, actor, i, consultant, t)),
      );
    },
    /** Submit the completion report (DOMAIN.md, step 5). */
    async complete(actor: Actor, input: z.input<typeof completeInput>): Promise<VoucherResult> {
      const { voucherId, expectedState, ...report } = parseInput(completeInput, input, now());
      return act(
        actor,
        { voucherId, expectedState },
        byLocationContact(deps, actor, (v, t) => completeRule(v, actor, report, t)),
      );
    },
    /** Create the payment request within 60 days of redemption (DOMAIN.md, step 7). */
    async claim(actor: Actor, input: z.input<typeof claimInput>): Promise<VoucherResult> {
      const i = parseInput(claimInput, input, now());
      const r = await act(
        actor,
        i,
        underApprovedLocation(deps, (v, t) => claimRule(v, actor, i.claimNumber, t), actor),
      );
      if (r.voucher.claim?.amount !== null) return r;
      return {
        ...r,
        notices: [
          ...r.notices,
          notice('DAY_RATE_UNKNOWN', { number: r.voucher.number, country: r.voucher.engagementCountry ?? '', step: 'claim' }),
        ],
      };
    },
    /** Record that Microsoft paid the claim. */
    async markPaid(actor: Actor, input: z.input<typeof payInput>): Promise<VoucherResult> {
      const i = parseInput(payInput, input, now());
      return act(
        actor,
        i,
        byLocationContact(deps, actor, (v, t) => payRule(v, actor, i.paidOn, t)),
      );
    },
    /** One voucher by its id (the one id form of every action). */
    async get(actor: Actor, voucherId: string): Promise<Voucher> {
      checkReader(actor);
      return loadVoucher(deps, actor.partnerId, voucherId);
    },
    /** One voucher by the number a person typed or an email printed; the one place numbers are looked up. */
    async findByNumber(actor: Actor, number: string): Promise<Voucher> {
      checkReader(actor);
      return loadVoucherByNumber(deps, actor.partnerId, number);
    },
  };
}
