import type { Approval } from './approval/approval.model';
import { notice, type Notice } from './notice';
import type { Voucher } from './voucher/voucher.model';

/**
 * What every action returns, whichever service ran it (issue 7, "An API the bot can call"):
 * the changed vouchers, the approval it requested or decided, and what the user must be told.
 */
export interface DomainResult {
  vouchers: Voucher[];
  approval: Approval | null;
  notices: Notice[];
}

/** An action on one voucher: `voucher` is that voucher as it is now (also `vouchers[0]`). */
export interface VoucherResult extends DomainResult {
  voucher: Voucher;
}

/** The result of an action on one voucher; by default it tells the voucher's state now. */
export function voucherResult(voucher: Voucher, notices?: Notice[], approval: Approval | null = null): VoucherResult {
  const told = notices ?? [notice('VOUCHER_NOW', { number: voucher.number, state: voucher.state })];
  return { voucher, vouchers: [voucher], approval, notices: told };
}

/** An approval's decision or request, told as the outcome of each voucher. */
interface ApprovalOutput {
  approval: Approval;
  vouchers: Voucher[];
  outcomes?: { voucherId: unknown; applied: boolean; code: string | null; params?: Record<string, unknown> | null }[];
}
export function approvalResult<R extends ApprovalOutput>(r: R): R & DomainResult & { approval: Approval } {
  const a = r.approval;
  const numberOf = (id: unknown) => a.voucherNumbers[a.voucherIds.findIndex((x) => String(x) === String(id))] ?? String(id);
  const moved = new Map(r.vouchers.map((v) => [String(v._id), v]));
  const notices: Notice[] = [];
  if (!r.outcomes) notices.push(notice('APPROVAL_REQUESTED', { numbers: [...a.voucherNumbers], approvers: a.approvers.length }));
  for (const o of r.outcomes ?? []) {
    const v = moved.get(String(o.voucherId));
    if (o.applied && v) notices.push(notice('VOUCHER_NOW', { number: v.number, state: v.state }));
    else if (!o.applied)
      notices.push(notice('NOT_APPLIED', { number: numberOf(o.voucherId), code: o.code ?? '', params: o.params ?? null }));
  }
  return { ...r, approval: a, notices };
}
