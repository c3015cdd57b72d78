import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn, schemaOptions } from '../model-registry';

/** A partner location (DOMAIN.md, Program rules: reserve, redeem and claim under a location). */
export interface LocationContact {
  aadObjectId: string;
  name: string;
  email: string;
}
export interface Location {
  _id: Types.ObjectId;
  partnerId: Types.ObjectId;
  locationId: string;
  name: string;
  /** ISO 3166 alpha-2. */
  country: string;
  approvedPrograms: string[];
  contacts: LocationContact[];
  /** Incremented by every write (domain/write.ts). */
  version: number;
}

const locationSchema = new Schema<Location>(
  {
    partnerId: { type: Schema.Types.ObjectId, required: true },
    locationId: { type: String, required: true },
    name: { type: String, required: true },
    country: { type: String, required: true },
    approvedPrograms: { type: [String], default: [] },
    contacts: { type: [{ _id: false, aadObjectId: String, name: String, email: String }], default: [] },
    version: { type: Number, default: 1 },
  },
  { ...schemaOptions, collection: 'locations' },
);
locationSchema.index({ partnerId: 1, locationId: 1 }, { unique: true });

export const locationModel = (c: Connection) => modelOn(c, 'Location', locationSchema);
