import type { Voucher } from '../../domain/domain';
import { refuse } from '../../domain/refusal';
import type { HandlerContext } from '../routing/types';

/**
 * The voucher a form button names, as long as it is still in the state the card showed; else
 * VOUCHER_CHANGED, which the turn answers with the current card (the same rule the domain's
 * actions apply to `expectedState`).
 */
export async function currentAsShown(
  ctx: HandlerContext,
  d: { voucherId: string; expectedState?: Voucher['state'] | null },
): Promise<Voucher> {
  const v = await ctx.domain.vouchers.get(ctx.actor, d.voucherId);
  if (d.expectedState && v.state !== d.expectedState)
    throw refuse('VOUCHER_CHANGED', { number: v.number, expected: d.expectedState, state: v.state });
  return v;
}
