import { render } from '../../cards/render';
import { LIST_PAGE_SIZE, toVoucherListData } from '../../cards/voucher-list.card';
import type { VoucherState } from '../../domain/voucher/voucher.machine';
import type { VoucherSummary } from '../../domain/voucher/voucher.queries';
import type { HandlerContext, Reply } from '../routing/types';

/** One page of vouchers, newest action first, 10 a page (a message stays far under 80 KB). */
export async function voucherListView(ctx: HandlerContext, state: VoucherState | null, page: number): Promise<Reply> {
  const p = await ctx.domain.queries.list(ctx.actor, { state, page, pageSize: LIST_PAGE_SIZE });
  const data = toVoucherListData(
    p.vouchers,
    { index: p.page, state: p.state, hasNext: p.hasMore },
    { locale: ctx.locale, now: ctx.domain.deps.clock.now() },
  );
  return { kind: 'card', card: render('voucher-list', data) };
}

/** Vouchers found by a search (a customer name's first letters), on the list card. */
export async function voucherListRowsView(ctx: HandlerContext, rows: VoucherSummary[]): Promise<Reply> {
  const data = toVoucherListData(rows, { index: 0, state: null, hasNext: false }, { locale: ctx.locale, now: ctx.domain.deps.clock.now() });
  return { kind: 'card', card: render('voucher-list', data) };
}
