import { toMessageData, type MessageButton } from '../../cards/message.card';
import { fill, formatDay, labelsFor } from '../../cards/locale';
import { render } from '../../cards/render';
import type { Approval } from '../../domain/domain';
import type { HandlerContext, Reply } from '../routing/types';
import { peopleNames } from './voucher.view';

/**
 * Approval views on the message card until cards/ has an approval template: the request, its
 * status, and Approve for a pending one (Reject needs a reason: `reject <number> <reason>`).
 */
export async function approvalView(ctx: HandlerContext, a: Approval, lines: readonly string[] = []): Promise<Reply> {
  const l = labelsFor(ctx.locale);
  const names = await peopleNames(ctx);
  const last = a.decisions.at(-1);
  const status =
    a.status === 'pending' ? l.approval.waiting
    : a.status === 'expired' ? fill(l.approval.expired, { at: formatDay(a.expiresAt, ctx.locale) })
    : fill(a.status === 'approved' ? l.approval.approvedBy : l.approval.rejectedBy, { by: names[last?.by ?? ''] ?? last?.by ?? '', at: last ? formatDay(last.at, ctx.locale) : '' });
  const buttons: MessageButton[] = a.status === 'pending' ? [{ title: l.button.approve, verb: 'approval.approve', data: { approvalId: String(a._id) } }] : [];
  const data = toMessageData(
    {
      title: fill(l.approval.title, { kind: l.approval.kind[a.kind] }),
      text: [...lines, status].join('\n\n'),
      tone: a.status === 'approved' ? 'good' : a.status === 'pending' ? 'default' : 'attention',
      facts: [
        { title: l.field.vouchers, value: a.voucherNumbers.join(', ') },
        { title: l.field.requestedBy, value: names[a.requestedBy] ?? a.requestedBy },
        { title: l.field.requestedOn, value: formatDay(a.requestedOn, ctx.locale) },
      ],
      buttons,
    },
    ctx.locale,
  );
  return { kind: 'card', card: render('message', data) };
}

/** The approvals waiting for this manager, with Approve on each (at most 5 buttons a card). */
export async function approvalsView(ctx: HandlerContext, approvals: Approval[]): Promise<Reply> {
  const l = labelsFor(ctx.locale);
  const names = await peopleNames(ctx);
  const facts = approvals.slice(0, 20).map((a) => ({
    title: a.voucherNumbers.join(', '),
    value: fill(l.approval.listRow, { kind: l.approval.kind[a.kind], vouchers: a.voucherNumbers.join(', '), by: names[a.requestedBy] ?? a.requestedBy, on: formatDay(a.requestedOn, ctx.locale), expires: formatDay(a.expiresAt, ctx.locale) }),
  }));
  const buttons: MessageButton[] = approvals.slice(0, 5).map((a) => ({ title: `${l.button.approve} ${a.voucherNumbers.join(', ')}`, verb: 'approval.approve', data: { approvalId: String(a._id) } }));
  const data = toMessageData({ title: l.approval.listTitle, text: approvals.length === 0 ? l.approval.listEmpty : '', facts, buttons }, ctx.locale);
  return { kind: 'card', card: render('message', data) };
}
