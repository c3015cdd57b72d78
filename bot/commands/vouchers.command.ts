import { z } from 'zod';
import { VOUCHER_STATES, type VoucherState } from '../../domain/voucher/voucher.machine';
import { STATE_WORDS } from '../../domain/words';
import { fold } from '../routing/normalise';
import type { Handler } from '../routing/types';
import { voucherListView } from '../views/voucher-list.view';

/** A state named in either language ("reserved", "réservé", "reserve"), folded; a list reads it in the plural too ("réservés"). */
function stateNamed(word: string): VoucherState | null {
  const w = fold(word);
  const forms = [w, w.replace(/s$/u, ''), w.replace(/es$/u, '')];
  for (const state of VOUCHER_STATES) {
    const names = [state, STATE_WORDS[state].en, STATE_WORDS[state].fr].map(fold);
    if (forms.some((f) => names.includes(f))) return state;
  }
  return null;
}

/** `vouchers [state] [page]` / `bons [état] [page]`. */
export const vouchersArgs = () =>
  z
    .array(z.string())
    .max(2)
    .transform((words, ctx) => {
      const state = words[0] && !/^\d+$/.test(words[0]) ? stateNamed(words[0]) : null;
      if (words[0] && !/^\d+$/.test(words[0]) && !state) ctx.addIssue({ code: 'custom', message: 'unknown state' });
      const pageWord = words.find((w) => /^\d+$/.test(w));
      return { state, page: pageWord ? Math.max(0, Number(pageWord) - 1) : 0 };
    });

export const listVouchers: Handler<{ state: VoucherState | null; page: number }> = async (ctx, args) => voucherListView(ctx, args.state, args.page);

/** The `vouchers.page` buttons (Next / Previous). */
export const pageVouchers: Handler<{ state?: VoucherState; page: number }> = async (ctx, args) => voucherListView(ctx, args.state ?? null, args.page);
