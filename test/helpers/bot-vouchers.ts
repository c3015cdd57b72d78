import type { Voucher } from '../../domain/domain';
import { completedVoucher, newVoucher, reserveFr, type World } from '../domain/world';

/** Vouchers in each state, made through the domain's services (the bot then reads them). */
export async function voucherIn(
  w: World,
  state: 'assigned' | 'reserved' | 'scheduled' | 'completed' | 'pendingRedeem' | 'redeemed' | 'claimed',
): Promise<Voucher> {
  w.clock.set('2025-03-03T10:00:00.000Z');
  if (state === 'assigned') return newVoucher(w);
  return voucherAt(w, state);
}

async function voucherAt(w: World, state: string): Promise<Voucher> {
  if (state === 'reserved' || state === 'scheduled') {
    const v = await newVoucher(w);
    await reserveFr(w, v);
    if (state === 'reserved') return w.domain.vouchers.get(w.admin, String(v._id));
    await w.domain.vouchers.schedule(w.staffFr, {
      voucherId: String(v._id),
      start: '2025-03-10',
      end: '2025-03-14',
      consultantAadObjectId: w.staffFr.aadObjectId,
    });
    return w.domain.vouchers.get(w.admin, String(v._id));
  }
  const done = await completedVoucher(w);
  if (state === 'completed') return done;
  const { approval } = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [String(done._id)] });
  if (state === 'pendingRedeem' || !approval) return w.domain.vouchers.get(w.admin, String(done._id));
  await w.domain.approvals.approve(w.manager, { approvalId: String(approval._id) });
  if (state === 'redeemed') return w.domain.vouchers.get(w.admin, String(done._id));
  w.clock.set('2025-03-20T10:00:00.000Z');
  return (await w.domain.vouchers.claim(w.staffFr, { voucherId: String(done._id), claimNumber: `CLM-${done.number}` })).voucher;
}
