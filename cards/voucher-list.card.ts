import type { VoucherState } from '../domain/voucher/voucher.machine';
import { md } from './escape';
import { fill, labelsFor, type CardContext, type Labels } from './locale';
import type { VerbInput } from './verbs';
import { daysLeftOf, daysText, type VoucherRowView } from './voucher-facts';

/** The vouchers list (issue 8, step 2): 10 rows a page, Details per row, Next / Previous. */
export const LIST_PAGE_SIZE = 10;

export interface VoucherListRow {
  number: string;
  customer: string;
  line: string;
  daysLeft: string;
  soon: boolean;
  details: VerbInput<'voucher.details'>;
}

export interface VoucherListData {
  l: Labels;
  title: string;
  pageText: string;
  empty: boolean;
  rows: VoucherListRow[];
  hasPrevious: boolean;
  hasNext: boolean;
  previous: VerbInput<'vouchers.page'>;
  next: VerbInput<'vouchers.page'>;
}

export interface ListPage {
  /** Zero-based page number. */
  index: number;
  /** The state filter, or null for every state. */
  state: VoucherState | null;
  /** The query found a row after this page. */
  hasNext: boolean;
}

function rowOf(v: VoucherRowView, l: Labels, ctx: CardContext): VoucherListRow {
  const left = daysLeftOf(v.state, v.expiresOn, ctx.now, l);
  return {
    number: md(v.number, 64),
    customer: md(v.customerName, 120, l.common.unknown),
    line: [md(v.program, 16, l.common.unknown), daysText(v.days, l), l.state[v.state]].join(' · '),
    daysLeft: left.text,
    soon: left.soon,
    details: { voucherId: String(v._id) },
  };
}

export function toVoucherListData(vouchers: readonly VoucherRowView[], page: ListPage, ctx: CardContext): VoucherListData {
  const l = labelsFor(ctx.locale);
  const rows = vouchers.slice(0, LIST_PAGE_SIZE).map((v) => rowOf(v, l, ctx));
  const from = page.index * LIST_PAGE_SIZE + 1;
  const filter = page.state ? { state: page.state } : {};
  return {
    l,
    title: fill(l.list.title, { state: page.state ? l.state[page.state] : l.state.all }),
    pageText: fill(l.list.pageOf, { page: page.index + 1, from, to: from + rows.length - 1 }),
    empty: rows.length === 0,
    rows,
    hasPrevious: page.index > 0,
    hasNext: page.hasNext,
    previous: { ...filter, page: Math.max(0, page.index - 1) },
    next: { ...filter, page: page.index + 1 },
  };
}
