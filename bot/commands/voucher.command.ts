import { z } from 'zod';
import { refuse } from '../../domain/refusal';
import type { Handler } from '../routing/types';
import { voucherListRowsView } from '../views/voucher-list.view';
import { voucherView } from '../views/voucher.view';

/** `voucher <number>` / `bon <numéro>`: the details card; a customer name's first letters list its vouchers. */
export const voucherArgs = () =>
  z
    .array(z.string())
    .min(1)
    .transform((words) => ({ text: words.join(' '), first: words.length > 1 ? (words[0] ?? null) : null }))
    .pipe(z.object({ text: z.string().min(2).max(200), first: z.string().nullable() }));

export const showVoucher: Handler<{ text: string; first?: string | null }> = async (ctx, { text, first }) => {
  // A whole number (the usual case) reads the voucher once, whole, for the card; words after a
  // number ("voucher DEMO-0001 details") do not hide it.
  const exact =
    (await ctx.domain.queries.byNumber(ctx.actor, text)) ?? (first ? await ctx.domain.queries.byNumber(ctx.actor, first) : null);
  if (exact) return voucherView(ctx, exact);
  const found = await ctx.domain.queries.search(ctx.actor, text, { limit: 10 });
  const [only] = found;
  if (!only) throw refuse('VOUCHER_NOT_FOUND', { voucher: text });
  return found.length === 1 ? voucherView(ctx, String(only._id)) : voucherListRowsView(ctx, found);
};

/** The `voucher.details` button: the same card by id. */
export const showVoucherById: Handler<{ voucherId: string }> = async (ctx, { voucherId }) => voucherView(ctx, voucherId);
