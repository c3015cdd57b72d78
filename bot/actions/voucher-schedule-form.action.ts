import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { voucherFormView } from '../views/forms.view';

/** `voucher.schedule-form`: opens the schedule form for the voucher as it is now. */
export const scheduleFormAction: Handler<VerbData<'voucher.schedule-form'>> = async (ctx, d) => voucherFormView(ctx, 'schedule', await ctx.domain.vouchers.get(ctx.actor, d.voucherId));
