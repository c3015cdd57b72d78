import type { VoucherState } from '../../domain/voucher/voucher.machine';
import { VOUCHER_STATES } from '../../domain/voucher/voucher.machine';
import { messages } from '../i18n/messages';
import { formatUserDate } from '../routing/dates';
import type { HandlerContext, Reply } from '../routing/types';

const PAGE = 10;

/** One page of vouchers, newest action first (text until the list card is wired). */
export async function voucherListView(ctx: HandlerContext, state: VoucherState | null, page: number): Promise<Reply> {
  const t = messages[ctx.locale];
  const rows = await ctx.domain.queries.byState(ctx.actor.partnerId, state ? [state] : VOUCHER_STATES, { skip: page * PAGE, limit: PAGE });
  const lines = rows.map((v) => `${v.number} · ${v.customerName ?? '-'} · ${v.program ?? '-'} · ${v.days ?? '-'} · ${t.states[v.state] ?? v.state} · ${formatUserDate(v.expiresOn, ctx.locale)}`);
  return { kind: 'text', text: lines.join('\n\n') || '-' };
}
