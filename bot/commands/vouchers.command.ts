import { z } from 'zod';
import { VOUCHER_STATES, type VoucherState } from '../../domain/voucher/voucher.machine';
import { STATE_WORDS } from '../../domain/words';
import { fold } from '../routing/normalise';
import type { Handler } from '../routing/types';
import { voucherListView } from '../views/voucher-list.view';
import { showVoucher } from './voucher.command';

/** Other words staff use for a state: vouchers not yet reserved are "available", the source document "uses" a voucher it redeems. */
const STATE_SYNONYMS: Record<string, VoucherState> = {
  available: 'assigned',
  new: 'assigned',
  open: 'assigned',
  disponible: 'assigned',
  nouveau: 'assigned',
  nouveaux: 'assigned',
  utilise: 'redeemed',
  used: 'redeemed',
  planned: 'scheduled',
  complete: 'completed',
  done: 'completed',
  fini: 'completed',
  reserver: 'assigned',
  unreserved: 'assigned',
};

/** A state named in either language ("reserved", "réservé", "reserve"), folded; a list reads it in the plural and the feminine too ("réservés", "réservées"). */
function stateNamed(word: string): VoucherState | null {
  const w = fold(word).replace(/[,;:]+$/u, '');
  const forms = [w, w.replace(/s$/u, ''), w.replace(/es$/u, ''), w.replace(/ees?$/u, 'e')];
  for (const state of VOUCHER_STATES) {
    const names = [state, STATE_WORDS[state].en, STATE_WORDS[state].fr].map(fold);
    if (forms.some((f) => names.includes(f))) return state;
  }
  return forms.map((f) => STATE_SYNONYMS[f]).find((s) => s !== undefined) ?? null;
}

/** Words that only say "the list" ("all vouchers", "page 2", "tous les bons"). */
const FILLERS = new Set(
  [
    'all',
    'tous',
    'toutes',
    'les',
    'the',
    'page',
    'p',
    'vouchers',
    'bons',
    'documents',
    'list',
    'liste',
    'to',
    'be',
    'a',
    'à',
    'for',
    'of',
    'pour',
    'de',
    'du',
    'des',
    'client',
    'customer',
    'my',
    'mes',
  ].map(fold),
);

type Args = { state: VoucherState | null; page: number; search: string | null };

/**
 * `vouchers [state] [page]` / `bons [état] [page]`; any other words are looked up as a voucher
 * number or the start of a customer's name ("vouchers Fabrikam", "bons DEMO 0001"), as `voucher` does.
 */
export const vouchersArgs = () =>
  z
    .array(z.string())
    .max(12)
    .transform((words): Args => {
      const pageWord = words.find((w) => /^\d{1,4}$/u.test(w));
      const state = words.map(stateNamed).find((s) => s !== null) ?? null;
      const others = words.filter((w) => w !== pageWord && stateNamed(w) === null && !FILLERS.has(fold(w)));
      const search = others.length > 0 && !state ? words.filter((w) => !FILLERS.has(fold(w))).join(' ') : null;
      return {
        state,
        page: pageWord && !search ? Math.max(0, Number(pageWord) - 1) : 0,
        search: search && search.length >= 2 ? search : null,
      };
    });

export const listVouchers: Handler<Args> = async (ctx, args) =>
  args.search ? showVoucher(ctx, { text: args.search }) : voucherListView(ctx, args.state, args.page);

/** The `vouchers.page` buttons (Next / Previous). */
export const pageVouchers: Handler<{ state?: VoucherState; page: number }> = async (ctx, args) =>
  voucherListView(ctx, args.state ?? null, args.page);
