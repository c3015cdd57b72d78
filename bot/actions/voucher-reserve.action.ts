import type { VerbData } from '../../cards/verbs';
import { scoped } from '../../domain/scope';
import type { Handler, HandlerContext } from '../routing/types';
import { voucherView } from '../views/voucher.view';

/** The engagement's country: as given, else the location's (reserve under a location of that country). */
async function countryOf(ctx: HandlerContext, locationId: string, given: string | undefined): Promise<string> {
  if (given) return given;
  const location = await ctx.domain.deps.models.locations.findOne(scoped(ctx.actor.partnerId, { locationId }), { country: 1 }).lean<{ country: string }>();
  return location?.country ?? '';
}

/**
 * `voucher.reserve`: validation (voucher number + voucher administrator email) when not done yet,
 * then the reservation with the terms accepted on the card (twin: `reserve`).
 */
export const reserveVoucherAction: Handler<VerbData<'voucher.reserve'>> = async (ctx, d) => {
  const v = await ctx.domain.vouchers.get(ctx.actor, d.voucherId);
  if (!v.validated) await ctx.domain.vouchers.validate(ctx.actor, { voucherNumber: v.number, voucherAdminEmail: d.voucherAdminEmail });
  const result = await ctx.domain.vouchers.reserve(ctx.actor, {
    voucherId: d.voucherId,
    locationId: d.locationId,
    engagementCountry: await countryOf(ctx, d.locationId, d.engagementCountry),
    termsAccepted: d.termsAccepted,
    plannedStart: d.plannedStart ?? null,
    fifteenDayException: d.fifteenDayException ?? null,
  });
  return voucherView(ctx, result.voucher, null);
};
