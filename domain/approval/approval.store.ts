import { Types } from 'mongoose';
import { DAY_MS } from '../calendar';
import type { DomainDeps } from '../models';
import { loadPartner } from '../partner/partner.store';
import type { Actor } from '../person/person.model';
import { refuse } from '../refusal';
import { scoped, toObjectId } from '../scope';
import type { Voucher } from '../voucher/voucher.model';
import { removeVersioned } from '../write';
import type { Approval, ApprovalKind, ReservationRequest } from './approval.model';
import { approversOf } from './approval.rules';

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
  const managers = await deps.models.people
    .find(scoped(actor.partnerId, { roles: 'manager' }), { aadObjectId: 1 })
    .lean<{ aadObjectId: string }[]>();
  const now = deps.clock.now();
  const doc: Approval = {
    _id: new Types.ObjectId(),
    partnerId: actor.partnerId,
    kind,
    voucherIds: vouchers.map((v) => v._id),
    voucherNumbers: vouchers.map((v) => v.number),
    requestedBy: actor.aadObjectId,
    requestedOn: now,
    approvers: approversOf(
      managers.map((m) => m.aadObjectId),
      actor.aadObjectId,
      partner.settings.allowSelfApproval === true,
    ),
    status: 'pending',
    // A time to live in whole days from the request, not from the start of its UTC day.
    expiresAt: new Date(now.getTime() + partner.settings.approvalTtlDays * DAY_MS),
    version: 1,
    decisions: [],
    reservation,
    outcomes: [],
    settleBy: null,
    appliedOn: null,
    messageIds: [],
  };
  await deps.models.approvals.create(doc);
  return doc;
}

/** Removes a request nobody has seen yet, unless it was decided meanwhile (then the sweep settles it). */
export async function discardApproval(deps: DomainDeps, approval: Approval): Promise<void> {
  const current = await deps.models.approvals.findOne(scoped(approval.partnerId, { _id: approval._id })).lean<Approval>();
  if (!current) return;
  const filter = scoped(approval.partnerId, { status: 'pending' });
  await removeVersioned(deps, { model: deps.models.approvals, id: current._id, version: current.version, filter });
}

export async function loadApproval(deps: DomainDeps, partnerId: Types.ObjectId, approvalId: string | Types.ObjectId): Promise<Approval> {
  const id = toObjectId(approvalId);
  const a = id ? await deps.models.approvals.findOne(scoped(partnerId, { _id: id })).lean<Approval>() : null;
  if (!a) throw refuse('APPROVAL_NOT_FOUND', { approvalId: String(approvalId) });
  return a;
}
