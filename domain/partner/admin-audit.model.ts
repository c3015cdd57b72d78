import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn, schemaOptions } from '../model-registry';

/**
 * One change to a partner's set-up (issue 9: every change is audited, who, when, what): people,
 * locations, eligibility, enrollment, profile and settings. Entries are only ever inserted, and
 * they outlive the person or location they name (a removed person's entries stay).
 */
export interface AdminChange {
  _id: Types.ObjectId;
  partnerId: Types.ObjectId;
  at: Date;
  byAadObjectId: string;
  byName: string;
  /** What was done, as a code the overview puts in words (`person.add`, `eligibility.tick`, ...). */
  action: string;
  /** What it was done to: a person's name, a location id, a program code. */
  target: string;
}

const adminChangeSchema = new Schema<AdminChange>(
  {
    partnerId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
    byAadObjectId: { type: String, required: true },
    byName: { type: String, required: true },
    action: { type: String, required: true },
    target: { type: String, default: '' },
  },
  { ...schemaOptions, collection: 'adminChanges' },
);
adminChangeSchema.index({ partnerId: 1, at: -1 });

export const adminChangeModel = (c: Connection) => modelOn(c, 'AdminChange', adminChangeSchema);
