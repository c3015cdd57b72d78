import type { Voucher } from '../../domain/domain';
import type { VoucherEmailAnalysis } from '../../domain/intake/types';
import type { HandlerContext, Reply } from '../routing/types';

/** The Voucher found card (text until the card is wired). */
export async function voucherFoundView(_ctx: HandlerContext, email: VoucherEmailAnalysis, existing: Voucher | null): Promise<Reply> {
  const r = email.result;
  const lines = [`${r.voucherNumber ?? '-'} · ${r.customerName ?? '-'} · ${r.program ?? '-'} · ${r.days ?? '-'}`, existing ? existing.state : null];
  return { kind: 'text', text: lines.filter(Boolean).join('\n\n') };
}
