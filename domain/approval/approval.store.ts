import { Types } from 'mongoose';
import type { DomainDeps } from '../models';
import { loadPartner } from '../partner/partner.store';
import type { Actor } from '../person/person.model';
import { refuse } from '../refusal';
import { scoped, toObjectId } from '../scope';
import type { Voucher } from '../voucher/voucher.model';
import type { Approval, ApprovalKind, ReservationRequest } from './approval.model';

/**
 * Opens a pending approval before its vouchers are locked. If locking fails, `discardApproval`
 * removes it: nobody was notified yet, so it never existed for anyone.
 */
export async function openApproval(
  deps: DomainDeps,
  actor: Actor,
  kind: ApprovalKind,
  vouchers: Voucher[],
  reservation: ReservationRequest | null,
): Promise<Approval> {
  const partner = await loadPartner(deps, actor.partnerId);
  const managers = await deps.models.people.find(scoped(actor.partnerId, { roles: 'manager' }), { aadObjectId: 1 }).lean<{ aadObjectId: string }[]>();
  const now = deps.clock.now();
  const doc: Approval = {
    _id: new Types.ObjectId(),
    partnerId: actor.partnerId,
    kind,
    voucherIds: vouchers.map((v) => v._id),
    voucherNumbers: vouchers.map((v) => v.number),
    requestedBy: actor.aadObjectId,
    requestedOn: now,
    approvers: managers.map((m) => m.aadObjectId),
    status: 'pending',
    // A time to live in whole days from the request, not from the start of its UTC day.
    expiresAt: new Date(now.getTime() + partner.settings.approvalTtlDays * 86_400_000),
    version: 1,
    decisions: [],
    reservation,
    outcomes: [],
    appliedOn: null,
    messageIds: [],
  };
  await deps.models.approvals.create(doc);
  return doc;
}

export async function discardApproval(deps: DomainDeps, approval: Approval): Promise<void> {
  await deps.models.approvals.deleteOne(scoped(approval.partnerId, { _id: approval._id, status: 'pending' }));
}

export async function loadApproval(deps: DomainDeps, partnerId: Types.ObjectId, approvalId: string | Types.ObjectId): Promise<Approval> {
  const id = toObjectId(approvalId);
  const a = id ? await deps.models.approvals.findOne(scoped(partnerId, { _id: id })).lean<Approval>() : null;
  if (!a) throw refuse('APPROVAL_NOT_FOUND', { approvalId: String(approvalId) });
  return a;
}
