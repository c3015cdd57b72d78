import { z } from 'zod';
import type { Handler } from '../routing/types';
import { voucherView } from '../views/voucher.view';
import { numberArg, voucherByNumber } from './lookup';

/** `voucher <number>` / `bon <numéro>`: the details card. */
export const voucherArgs = () => z.tuple([numberArg]).transform(([number]) => ({ number }));

export const showVoucher: Handler<{ number: string }> = async (ctx, { number }) => voucherView(ctx, String((await voucherByNumber(ctx, number))._id));

/** The `voucher.details` button: the same card by id. */
export const showVoucherById: Handler<{ voucherId: string }> = async (ctx, { voucherId }) => voucherView(ctx, voucherId);
