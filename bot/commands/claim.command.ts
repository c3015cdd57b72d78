import { z } from 'zod';
import type { Handler } from '../routing/types';
import { voucherFormView } from '../views/forms.view';
import { voucherResultView } from '../views/voucher.view';
import { numberArg, voucherByNumber, wordReader, wordSet } from './lookup';

/** `claim <number> [claim number]` / `réclamer`: the claim form (deadline, amount), or the claim itself. */
const BEFORE_CLAIM = wordSet([
  'claim',
  'number',
  'no',
  'with',
  'as',
  'ref',
  'reference',
  'réclamation',
  'demande',
  'numéro',
  'n°',
  'avec',
  'référence',
  '#',
  ':',
]);

export const claimArgs = () =>
  z
    .tuple([numberArg], z.string().max(64))
    .transform(([number, ...words]) => ({
      number,
      claimWords: wordReader(words)
        .rest(BEFORE_CLAIM)
        .map((w) => w.replace(/^#/u, '')),
    }))
    .refine((a) => a.claimWords.length <= 1, { path: [2] })
    .transform(({ number, claimWords }) => ({ number, claimNumber: claimWords[0] || null }));

export const claimVoucher: Handler<{ number: string; claimNumber: string | null }> = async (ctx, { number, claimNumber }) => {
  const v = await voucherByNumber(ctx, number);
  if (!claimNumber) return voucherFormView(ctx, 'claim', v);
  return voucherResultView(ctx, await ctx.domain.vouchers.claim(ctx.actor, { voucherId: String(v._id), claimNumber }));
};
