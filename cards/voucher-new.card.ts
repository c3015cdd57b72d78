import type { VoucherAction } from '../domain/domain';
import { md } from './escape';
import { fill, formatDay, labelsFor, type CardContext, type Labels } from './locale';
import type { VerbInput } from './verbs';
import { daysText, programLabel, type Fact, type ProgramName, type VoucherRowView } from './voucher-facts';

/** Posted to staff when a customer's email brings a voucher in (issue 10): Reserve and Details. */
export interface VoucherNewData {
  l: Labels;
  title: string;
  facts: Fact[];
  senderLine: string;
  flagged: boolean;
  canReserve: boolean;
  ref: VerbInput<'voucher.reserve-form'>;
  details: VerbInput<'voucher.details'>;
}

/**
 * `actions`: what the domain lets staff do now (`vouchers.staffActions`). Reserve is shown when the
 * reserve form can lead somewhere: reserving, or validating first (the form does both), as the form itself decides.
 */
export function toVoucherNewData(
  v: VoucherRowView,
  actions: readonly VoucherAction[],
  programs: readonly ProgramName[],
  ctx: CardContext,
): VoucherNewData {
  const l = labelsFor(ctx.locale);
  const sender = v.needsConfirmation?.sender ?? null;
  return {
    l,
    title: fill(l.newVoucher.title, { customer: md(v.customerName, 120, l.common.unknown) }),
    facts: [
      { title: l.field.number, value: md(v.number, 64) },
      { title: l.field.program, value: programLabel(v.program, programs, ctx.locale, l) },
      { title: l.field.days, value: daysText(v.days, l) },
      { title: l.field.expiresOn, value: formatDay(v.expiresOn, ctx.locale) },
      { title: l.field.state, value: l.state[v.state] },
    ],
    senderLine: sender ? fill(l.newVoucher.flagged, { sender: md(sender, 200) }) : l.newVoucher.fromAdmin,
    flagged: sender !== null,
    canReserve: actions.includes('reserve') || actions.includes('validate'),
    ref: { voucherId: String(v._id), expectedState: v.state },
    details: { voucherId: String(v._id) },
  };
}
