import { z } from 'zod';
import type { VerbData } from '../../cards/verbs';
import { programCode } from '../../domain/program/program.catalog';
import { parseInput } from '../../domain/refusal';
import type { Handler } from '../routing/types';
import { voucherFormView } from '../views/forms.view';
import { voucherResultView } from '../views/voucher.view';

/**
 * `voucher.add`: Add voucher / Add and reserve on the Voucher found card (twin: pasting the
 * email). Intake merges a known number; Add and reserve continues with the reservation form.
 */
export const addVoucherAction: Handler<VerbData<'voucher.add'>> = async (ctx, d) => {
  const { program } = parseInput(z.object({ program: programCode.nullable() }), { program: d.program ?? null });
  const result = await ctx.domain.vouchers.intake(ctx.actor, {
    voucherNumber: d.voucherNumber,
    program,
    days: d.days ?? null,
    customerName: d.customerName ?? null,
    agreementNumber: d.agreementNumber ?? null,
    voucherAdminEmail: d.voucherAdminEmail ?? null,
    assignedOn: d.assignedOn ?? null,
    expiresOn: d.expiresOn ?? null,
    source: { kind: 'email', messageId: d.messageId ?? null, senderEmail: d.senderEmail ?? null },
  });
  if (d.andReserve) return voucherFormView(ctx, 'reserve', result.voucher);
  return voucherResultView(ctx, result);
};
