import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { redeemVouchers } from '../commands/redeem.command';

/** `redemption.pick`: the completed vouchers to pick from (twin: `redeem` without numbers). */
export const pickRedemptionAction: Handler<VerbData<'redemption.pick'>> = async (ctx) => redeemVouchers(ctx, { numbers: [] });
