import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn, schemaOptions } from '../model-registry';

/** A partner company; several partners may share one database (every query is scoped). */
export interface Partner {
  _id: Types.ObjectId;
  slug: string;
  name: string;
  tenantIds: string[];
  /** Incremented by every write (domain/write.ts). */
  version: number;
  settings: {
    /** Reservations of vouchers with at least this many days go to a manager (DOMAIN.md, People). */
    approvalDaysThreshold: number;
    /** A pending approval expires after this many days. */
    approvalTtlDays: number;
    /**
     * Separation of duties: a manager may not decide their own request unless this is set
     * (DOMAIN.md, People: Manager; the single-user demo sets it).
     */
    allowSelfApproval: boolean;
    /** The channel (conversation id) that gets a copy of every approval card; set by `approvals channel here` (issue 10). */
    approvalsChannelId?: string | null;
  };
}

export const DEFAULT_PARTNER_SETTINGS: Partner['settings'] = { approvalDaysThreshold: 10, approvalTtlDays: 7, allowSelfApproval: false };

const partnerSchema = new Schema<Partner>(
  {
    slug: { type: String, required: true },
    name: { type: String, required: true },
    tenantIds: { type: [String], default: [] },
    version: { type: Number, default: 1 },
    settings: {
      approvalDaysThreshold: { type: Number, default: DEFAULT_PARTNER_SETTINGS.approvalDaysThreshold },
      approvalTtlDays: { type: Number, default: DEFAULT_PARTNER_SETTINGS.approvalTtlDays },
      allowSelfApproval: { type: Boolean, default: DEFAULT_PARTNER_SETTINGS.allowSelfApproval },
      approvalsChannelId: { type: String, default: null },
    },
  },
  { ...schemaOptions, collection: 'partners' },
);
partnerSchema.index({ slug: 1 }, { unique: true });
partnerSchema.index({ tenantIds: 1 });

export const partnerModel = (c: Connection) => modelOn(c, 'Partner', partnerSchema);

/** Directory profile (DOMAIN.md, step 3): what customers see; programs offered are enrolled ones. */
export interface Profile {
  _id: Types.ObjectId;
  partnerId: Types.ObjectId;
  description: string;
  website: string | null;
  contactEmail: string | null;
  countries: string[];
  languages: string[];
  programs: string[];
  updatedOn: Date;
  updatedBy: string;
  version: number;
}

const profileSchema = new Schema<Profile>(
  {
    partnerId: { type: Schema.Types.ObjectId, required: true },
    description: { type: String, default: '' },
    website: { type: String, default: null },
    contactEmail: { type: String, default: null },
    countries: { type: [String], default: [] },
    languages: { type: [String], default: [] },
    programs: { type: [String], default: [] },
    updatedOn: { type: Date, required: true },
    updatedBy: { type: String, required: true },
    version: { type: Number, default: 1 },
  },
  { ...schemaOptions, collection: 'profiles' },
);
profileSchema.index({ partnerId: 1 }, { unique: true });

export const profileModel = (c: Connection) => modelOn(c, 'Profile', profileSchema);
