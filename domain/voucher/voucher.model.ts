import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn, schemaOptions } from '../model-registry';
import type { AuditFacts } from './audit-facts';
import { VOUCHER_STATES, type VoucherState } from './voucher.machine';

/** Who did what, when, from which state to which, and why (DOMAIN.md, Voucher states). */
export interface AuditEntry {
  at: Date;
  by: string;
  event: string;
  from: VoucherState | null;
  to: VoucherState;
  /** Why, in English: the user's reason, or the facts of the step (the record for logs and exports). */
  reason: string | null;
  /** What happened and why as a code and parameters, shown in the reader's language; absent on older entries. */
  facts?: AuditFacts;
  /** A correction's old and new values (dates as YYYY-MM-DD, null for none). */
  changes?: { field: string; from: string | null; to: string | null }[];
}

export interface Deliverable {
  _id: Types.ObjectId;
  kind: 'file' | 'link';
  name: string;
  fileId: Types.ObjectId | null;
  sha256: string | null;
  size: number | null;
  contentType: string | null;
  url: string | null;
  addedBy: string;
  addedOn: Date;
}

export interface Voucher {
  _id: Types.ObjectId;
  partnerId: Types.ObjectId;
  number: string;
  program: string | null;
  days: number | null;
  customerName: string | null;
  agreementNumber: string | null;
  voucherAdminEmail: string | null;
  assignedOn: Date | null;
  /** The expiry printed in the customer's email, if any; `expiresOn` is never later than it. */
  printedExpiresOn?: Date | null;
  /** The expiry in force: the printed one capped at assignment + 180 days (DOMAIN.md, Program rules). */
  expiresOn: Date;
  state: VoucherState;
  /** Incremented by every write; part of every write's filter. */
  version: number;
  pendingApprovalId: Types.ObjectId | null;
  /** Who validated, when, and with which voucher administrator email. */
  validated: { on: Date; by: string; email?: string | null } | null;
  /** Set when the forwarder is not the voucher administrator (DOMAIN.md, People: Customer). */
  needsConfirmation: { sender: string } | null;
  locationId: string | null;
  engagementCountry: string | null;
  reservation: { on: Date; by: string; termsAcceptedOn: Date; fifteenDayException: string | null } | null;
  /** Holds the customer's one 15-day engagement of a program; absent otherwise (sparse unique index). */
  fifteenDaySlot?: string;
  /** The holder's customer by normalised name, so a voucher known only by name finds holders known by agreement. */
  fifteenDayName?: string;
  schedule: { start: Date; end: Date; consultant: string } | null;
  completion: { deliveredOn: Date; summary: string; attendees: string[]; recommendations: string; by: string; on: Date } | null;
  deliverables: Deliverable[];
  redemption: { on: Date; by: string; approvalId: Types.ObjectId } | null;
  /** `amount`/`currency` null: no day rate on file for the engagement country when claimed (to be confirmed by Microsoft). */
  claim: {
    number: string;
    amount: number | null;
    currency: string | null;
    submittedOn: Date;
    status: 'submitted' | 'paid';
    paidOn: Date | null;
  } | null;
  cancellations: { on: Date; by: string; reason: string }[];
  source: { kind: 'email' | 'manual'; messageId: string | null };
  sources: { kind: 'email' | 'manual'; messageId: string | null; on: Date }[];
  audit: AuditEntry[];
  /** When the last action on the voucher happened (lists show the newest first). */
  lastActionAt?: Date;
}

const at = { type: Date, required: true };
const sub = (fields: Record<string, unknown>) => ({ type: new Schema(fields, { _id: false }), default: null });

const voucherSchema = new Schema<Voucher>(
  {
    partnerId: { type: Schema.Types.ObjectId, required: true },
    number: { type: String, required: true },
    program: { type: String, default: null },
    days: { type: Number, default: null },
    customerName: { type: String, default: null },
    agreementNumber: { type: String, default: null },
    voucherAdminEmail: { type: String, default: null },
    assignedOn: { type: Date, default: null },
    printedExpiresOn: { type: Date, default: null },
    expiresOn: at,
    state: { type: String, enum: VOUCHER_STATES, required: true },
    version: { type: Number, required: true },
    pendingApprovalId: { type: Schema.Types.ObjectId, default: null },
    validated: sub({ on: Date, by: String, email: String }),
    needsConfirmation: sub({ sender: String }),
    locationId: { type: String, default: null },
    engagementCountry: { type: String, default: null },
    reservation: sub({ on: Date, by: String, termsAcceptedOn: Date, fifteenDayException: String }),
    fifteenDaySlot: { type: String },
    fifteenDayName: { type: String },
    schedule: sub({ start: Date, end: Date, consultant: String }),
    completion: sub({ deliveredOn: Date, summary: String, attendees: [String], recommendations: String, by: String, on: Date }),
    deliverables: {
      type: [
        {
          kind: String,
          name: String,
          fileId: Schema.Types.ObjectId,
          sha256: String,
          size: Number,
          contentType: String,
          url: String,
          addedBy: String,
          addedOn: Date,
        },
      ],
      default: [],
    },
    redemption: sub({ on: Date, by: String, approvalId: Schema.Types.ObjectId }),
    claim: sub({ number: String, amount: Number, currency: String, submittedOn: Date, status: String, paidOn: Date }),
    cancellations: { type: [{ _id: false, on: Date, by: String, reason: String }], default: [] },
    source: { kind: { type: String, required: true }, messageId: { type: String, default: null } },
    sources: { type: [{ _id: false, kind: String, messageId: String, on: Date }], default: [] },
    audit: {
      type: [
        {
          _id: false,
          at: Date,
          by: String,
          event: String,
          from: String,
          to: String,
          reason: String,
          facts: { type: Schema.Types.Mixed, default: undefined },
          changes: { type: [{ _id: false, field: String, from: String, to: String }], default: undefined },
        },
      ],
      default: [],
    },
    lastActionAt: { type: Date },
  },
  { ...schemaOptions, collection: 'vouchers' },
);

// One index per query the services run (voucher.queries.ts, voucher.sweep.ts).
voucherSchema.index({ partnerId: 1, number: 1 }, { unique: true });
voucherSchema.index({ partnerId: 1, state: 1, expiresOn: 1 });
voucherSchema.index({ partnerId: 1, locationId: 1, state: 1 });
voucherSchema.index({ partnerId: 1, state: 1, 'redemption.on': 1 });
voucherSchema.index({ partnerId: 1, customerName: 1 });
voucherSchema.index({ partnerId: 1, pendingApprovalId: 1 });
voucherSchema.index({ fifteenDaySlot: 1 }, { unique: true, sparse: true });
voucherSchema.index({ fifteenDayName: 1 }, { sparse: true });
voucherSchema.index({ partnerId: 1, lastActionAt: -1, _id: -1 });
voucherSchema.index({ partnerId: 1, state: 1, lastActionAt: -1, _id: -1 });

export const voucherModel = (c: Connection) => modelOn(c, 'Voucher', voucherSchema);
