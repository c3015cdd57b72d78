import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn, schemaOptions } from '../model-registry';

export const ROLES = ['admin', 'staff', 'manager'] as const;
export type Role = (typeof ROLES)[number];

/** A consultant's qualification for one program: technical training and exam (DOMAIN.md, step 1). */
export interface Qualification {
  program: string;
  trainingOn: Date | null;
  examOn: Date | null;
}
export interface Person {
  _id: Types.ObjectId;
  partnerId: Types.ObjectId;
  aadObjectId: string;
  name: string;
  email: string;
  roles: Role[];
  locationIds: string[];
  qualifications: Qualification[];
  /** Incremented by every write (domain/write.ts). */
  version: number;
}

const personSchema = new Schema<Person>(
  {
    partnerId: { type: Schema.Types.ObjectId, required: true },
    aadObjectId: { type: String, required: true },
    name: { type: String, required: true },
    email: { type: String, required: true },
    roles: { type: [String], default: [] },
    locationIds: { type: [String], default: [] },
    qualifications: { type: [{ _id: false, program: String, trainingOn: Date, examOn: Date }], default: [] },
    version: { type: Number, default: 1 },
  },
  { ...schemaOptions, collection: 'people' },
);
personSchema.index({ partnerId: 1, aadObjectId: 1 }, { unique: true });
// Who is acting is looked up by AAD object id while the tenant's partner is read (people.resolveInTenant).
personSchema.index({ aadObjectId: 1 });

export const personModel = (c: Connection) => modelOn(c, 'Person', personSchema);

/** Who is acting: a person of a partner, or the system (expiry sweep). */
export interface Actor {
  partnerId: Types.ObjectId;
  aadObjectId: string;
  name: string;
  roles: (Role | 'system')[];
  locationIds: string[];
  qualifications: Qualification[];
}

export function isQualified(person: { qualifications: Qualification[] }, program: string): boolean {
  const q = person.qualifications.find((x) => x.program === program);
  return Boolean(q?.trainingOn && q.examOn);
}
