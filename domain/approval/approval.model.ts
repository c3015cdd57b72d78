import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn, schemaOptions } from '../model-registry';
import type { RefusalCode } from '../refusal';

/** What policy sends to a manager (DOMAIN.md, People: Manager): reservations and redemptions. */
export const APPROVAL_KINDS = ['reserve', 'redeem'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];
export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'expired'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export interface ApprovalDecision {
  by: string;
  /** The decider's name when deciding, to say who decided without another read. */
  name: string;
  decision: 'approved' | 'rejected';
  comment: string | null;
  at: Date;
}
/** The reservation a manager is asked to approve, applied as asked when approved. */
export interface ReservationRequest {
  locationId: string;
  engagementCountry: string;
  termsAccepted: boolean;
  plannedStart: Date | null;
  fifteenDayException: string | null;
}
/** What the decision did to one voucher; when it could not, the refusal's code and parameters say why. */
export interface ApprovalOutcome {
  voucherId: Types.ObjectId;
  applied: boolean;
  code: RefusalCode | null;
  params: Record<string, unknown> | null;
}

/** A request that policy sends to a manager (DOMAIN.md, People: Manager). */
export interface Approval {
  _id: Types.ObjectId;
  partnerId: Types.ObjectId;
  kind: ApprovalKind;
  voucherIds: Types.ObjectId[];
  voucherNumbers: string[];
  requestedBy: string;
  requestedOn: Date;
  approvers: string[];
  status: ApprovalStatus;
  expiresAt: Date;
  version: number;
  decisions: ApprovalDecision[];
  reservation: ReservationRequest | null;
  outcomes: ApprovalOutcome[];
  /**
   * A decided (or expired) approval's effect on its vouchers is applied after the decision, as
   * separate writes. Until `appliedOn` is set, the process applying it holds it until `settleBy`;
   * after that time any reader or the sweep finishes it (approval-effect.service.ts).
   */
  settleBy: Date | null;
  appliedOn: Date | null;
  /** Teams message ids of the approval cards, to update every copy after a decision (STYLE.md §5). */
  messageIds: string[];
}

const approvalSchema = new Schema<Approval>(
  {
    partnerId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: APPROVAL_KINDS, required: true },
    voucherIds: { type: [Schema.Types.ObjectId], required: true },
    voucherNumbers: { type: [String], required: true },
    requestedBy: { type: String, required: true },
    requestedOn: { type: Date, required: true },
    approvers: { type: [String], default: [] },
    status: { type: String, enum: APPROVAL_STATUSES, required: true },
    expiresAt: { type: Date, required: true },
    version: { type: Number, required: true },
    decisions: { type: [{ _id: false, by: String, name: String, decision: String, comment: String, at: Date }], default: [] },
    reservation: {
      type: new Schema(
        { locationId: String, engagementCountry: String, termsAccepted: Boolean, plannedStart: Date, fifteenDayException: String },
        { _id: false },
      ),
      default: null,
    },
    outcomes: {
      type: [{ _id: false, voucherId: Schema.Types.ObjectId, applied: Boolean, code: String, params: Schema.Types.Mixed }],
      default: [],
    },
    settleBy: { type: Date, default: null },
    appliedOn: { type: Date, default: null },
    messageIds: { type: [String], default: [] },
  },
  { ...schemaOptions, collection: 'approvals' },
);
approvalSchema.index({ partnerId: 1, status: 1, expiresAt: 1 });
approvalSchema.index({ partnerId: 1, approvers: 1, status: 1 });
approvalSchema.index({ partnerId: 1, appliedOn: 1, settleBy: 1 });

export const approvalModel = (c: Connection) => modelOn(c, 'Approval', approvalSchema);
