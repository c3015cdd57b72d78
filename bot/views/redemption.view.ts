import { toMessageData, type MessageButton } from '../../cards/message.card';
import { fill, labelsFor } from '../../cards/locale';
import { render } from '../../cards/render';
import type { VoucherSummary } from '../../domain/voucher/voucher.queries';
import type { HandlerContext, Reply } from '../routing/types';

/**
 * Redemption on the message card until cards/ has its templates: the completed vouchers to pick
 * (a Redeem button each), then one review listing each voucher with Yes, redeem.
 */
export async function redemptionView(ctx: HandlerContext, stage: 'pick' | 'review', vouchers: VoucherSummary[]): Promise<Reply> {
  const l = labelsFor(ctx.locale);
  const facts = vouchers.slice(0, 50).map((v) => ({ title: v.number, value: [v.customerName ?? l.common.unknown, v.program ?? l.common.unknown, fill(l.common.daysCount, { days: v.days ?? 0 })].join(' · ') }));
  const ids = vouchers.map((v) => String(v._id));
  const buttons: MessageButton[] =
    stage === 'review'
      ? [{ title: l.button.yesRedeem, verb: 'redemption.confirm', data: { voucherIds: ids } }]
      : vouchers.slice(0, 5).map((v) => ({ title: `${l.button.redeem} ${v.number}`, verb: 'redemption.review', data: { voucherIds: [String(v._id)] } }));
  const text = stage === 'review' ? fill(l.redeem.reviewIntro, { count: vouchers.length }) : vouchers.length === 0 ? l.redeem.none : l.redeem.pickIntro;
  const data = toMessageData({ title: stage === 'review' ? l.redeem.reviewTitle : l.redeem.pickTitle, text, facts, buttons }, ctx.locale);
  return { kind: 'card', card: render('message', data) };
}
