import type { VerbData } from '../../cards/verbs';
import { announceApproval } from '../proactive/approval-notify';
import type { Handler, HandlerContext } from '../routing/types';
import { noticeLines, partnerLocation, voucherView } from '../views/voucher.view';

/** The engagement's country: as given, else the location's (reserve under a location of that country). */
async function countryOf(ctx: HandlerContext, locationId: string, given: string | undefined): Promise<string> {
  if (given) return given;
  return (await partnerLocation(ctx, locationId))?.country ?? '';
}

/**
 * `voucher.reserve`: validation (voucher number + voucher administrator email) when not done yet,
 * then the reservation with the terms accepted on the card (twin: `reserve`).
 */
export const reserveVoucherAction: Handler<VerbData<'voucher.reserve'>> = async (ctx, d) => {
  const [v, engagementCountry] = await Promise.all([
    ctx.domain.vouchers.get(ctx.actor, d.voucherId),
    countryOf(ctx, d.locationId, d.engagementCountry),
  ]);
  const validated =
    !v.validated || v.needsConfirmation
      ? await ctx.domain.vouchers.validate(ctx.actor, {
          voucherId: d.voucherId,
          expectedState: d.expectedState,
          voucherAdminEmail: d.voucherAdminEmail ?? '',
        })
      : null;
  const reserved = await ctx.domain.vouchers.reserve(
    ctx.actor,
    {
      voucherId: d.voucherId,
      expectedState: d.expectedState,
      locationId: d.locationId,
      engagementCountry,
      termsAccepted: d.termsAccepted,
      plannedStart: d.plannedStart ?? null,
      fifteenDayException: d.fifteenDayException ?? null,
    },
    { voucher: validated?.voucher ?? v, partner: ctx.partner },
  );
  const told = [...noticeLines(ctx, reserved), ...(await announceApproval(ctx, reserved.approval))];
  return voucherView(ctx, reserved.voucher, validated ? [...noticeLines(ctx, validated).filter((l) => !told.includes(l)), ...told] : told);
};
