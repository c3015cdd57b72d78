import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn, schemaOptions } from '../model-registry';

/** A partner company; several partners may share one database (every query is scoped). */
export interface Partner {
  _id: Types.ObjectId;
  slug: string;
  name: string;
  tenantIds: string[];
  settings: {
    /** Reservations of vouchers with at least this many days go to a manager (DOMAIN.md, People). */
    approvalDaysThreshold: number;
    /** A pending approval expires after this many days. */
    approvalTtlDays: number;
  };
}

export const DEFAULT_PARTNER_SETTINGS: Partner['settings'] = { approvalDaysThreshold: 10, approvalTtlDays: 7 };

const partnerSchema = new Schema<Partner>(
  {
    slug: { type: String, required: true },
    name: { type: String, required: true },
    tenantIds: { type: [String], default: [] },
    settings: {
      approvalDaysThreshold: { type: Number, default: DEFAULT_PARTNER_SETTINGS.approvalDaysThreshold },
      approvalTtlDays: { type: Number, default: DEFAULT_PARTNER_SETTINGS.approvalTtlDays },
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
  },
  { ...schemaOptions, collection: 'profiles' },
);
profileSchema.index({ partnerId: 1 }, { unique: true });

export const profileModel = (c: Connection) => modelOn(c, 'Profile', profileSchema);
