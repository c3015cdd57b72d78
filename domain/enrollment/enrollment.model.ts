import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn, schemaOptions } from '../model-registry';

/** Enrollment per program (DOMAIN.md, step 2): lasts one year, approves locations. */
export interface Enrollment {
  _id: Types.ObjectId;
  partnerId: Types.ObjectId;
  program: string;
  enrolledOn: Date;
  /** enrolledOn + 1 year; the enrollment is current up to and including this day. */
  renewBy: Date;
  agreementSignedOn: Date;
  complianceTrainingOn: Date;
  locationIds: string[];
  /** Incremented by every write (domain/write.ts). */
  version: number;
}

const enrollmentSchema = new Schema<Enrollment>(
  {
    partnerId: { type: Schema.Types.ObjectId, required: true },
    program: { type: String, required: true },
    enrolledOn: { type: Date, required: true },
    renewBy: { type: Date, required: true },
    agreementSignedOn: { type: Date, required: true },
    complianceTrainingOn: { type: Date, required: true },
    locationIds: { type: [String], default: [] },
    version: { type: Number, default: 1 },
  },
  { ...schemaOptions, collection: 'enrollments' },
);
enrollmentSchema.index({ partnerId: 1, program: 1 }, { unique: true });

export const enrollmentModel = (c: Connection) => modelOn(c, 'Enrollment', enrollmentSchema);

export const ELIGIBILITY_STATUSES = ['not_started', 'in_progress', 'active'] as const;
export type EligibilityStatus = (typeof ELIGIBILITY_STATUSES)[number];

export interface ChecklistItem {
  key: string;
  kind: 'company' | 'consultant';
  label: string;
  done: boolean;
  by: string | null;
  on: Date | null;
}
/** Eligibility per program (DOMAIN.md, step 1), derived from its checklist. */
export interface Eligibility {
  _id: Types.ObjectId;
  partnerId: Types.ObjectId;
  program: string;
  status: EligibilityStatus;
  checklist: ChecklistItem[];
  version: number;
}

const eligibilitySchema = new Schema<Eligibility>(
  {
    partnerId: { type: Schema.Types.ObjectId, required: true },
    program: { type: String, required: true },
    status: { type: String, enum: ELIGIBILITY_STATUSES, required: true },
    checklist: {
      type: [{ _id: false, key: String, kind: String, label: String, done: Boolean, by: String, on: Date }],
      default: [],
    },
    version: { type: Number, default: 1 },
  },
  { ...schemaOptions, collection: 'eligibilities' },
);
eligibilitySchema.index({ partnerId: 1, program: 1 }, { unique: true });

export const eligibilityModel = (c: Connection) => modelOn(c, 'Eligibility', eligibilitySchema);

/** Status from the checklist: nothing ticked, some ticked, all ticked. */
export function eligibilityStatusOf(checklist: Pick<ChecklistItem, 'done'>[]): EligibilityStatus {
  const done = checklist.filter((i) => i.done).length;
  if (done === 0) return 'not_started';
  return done === checklist.length ? 'active' : 'in_progress';
}
