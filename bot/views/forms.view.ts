import type { Approval, Voucher } from '../../domain/domain';
import { messages } from '../i18n/messages';
import type { HandlerContext, Reply } from '../routing/types';
import { voucherView } from './voucher.view';
import type { VoucherSummary } from '../../domain/voucher/voucher.queries';

/**
 * The form cards (reserve, cancel, schedule, complete, claim, pay, redemption pick and review,
 * approvals). Each takes the voucher or approval as read from the database.
 */
export type FormKind = 'reserve' | 'cancel' | 'schedule' | 'complete' | 'claim' | 'pay';

export async function voucherFormView(ctx: HandlerContext, kind: FormKind, v: Voucher, defaults: Record<string, string> = {}): Promise<Reply> {
  const base = await voucherView(ctx, v, null);
  const hint = Object.entries(defaults).map(([k, val]) => `${k}: ${val}`).join(', ');
  return { kind: 'text', text: `${kind}\n\n${base.kind === 'text' ? base.text : ''}${hint ? `\n\n${hint}` : ''}` };
}

export async function redemptionView(ctx: HandlerContext, stage: 'pick' | 'review', vouchers: VoucherSummary[]): Promise<Reply> {
  return { kind: 'text', text: `${stage}\n\n${vouchers.map((v) => v.number).join('\n\n') || '-'}` };
}

export async function approvalView(ctx: HandlerContext, a: Approval, notice: string | null = null): Promise<Reply> {
  const t = messages[ctx.locale];
  return { kind: 'text', text: [notice, `${a.kind} ${a.voucherNumbers.join(', ')}: ${a.status} (${String(a._id)})`, t.states.assigned ? '' : ''].filter(Boolean).join('\n\n') };
}

export async function approvalsView(ctx: HandlerContext, approvals: Approval[]): Promise<Reply> {
  return { kind: 'text', text: approvals.map((a) => `${a.kind} ${a.voucherNumbers.join(', ')} (${String(a._id)})`).join('\n\n') || '-' };
}
