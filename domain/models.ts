import type { Connection } from 'mongoose';
import type { Clock } from './clock';
import { approvalModel } from './approval/approval.model';
import { eligibilityModel, enrollmentModel } from './enrollment/enrollment.model';
import { writeClaimModel } from './guarded-write';
import { locationModel } from './location/location.model';
import { partnerModel, profileModel } from './partner/partner.model';
import { personModel } from './person/person.model';
import { voucherModel } from './voucher/voucher.model';

/** The domain's models, registered on one connection. */
export function createModels(connection: Connection) {
  return {
    partners: partnerModel(connection),
    profiles: profileModel(connection),
    locations: locationModel(connection),
    people: personModel(connection),
    enrollments: enrollmentModel(connection),
    eligibilities: eligibilityModel(connection),
    vouchers: voucherModel(connection),
    approvals: approvalModel(connection),
    writeClaims: writeClaimModel(connection),
  };
}
export type Models = ReturnType<typeof createModels>;

/** What every service gets: the connection, its models and the clock. */
export interface DomainDeps {
  connection: Connection;
  clock: Clock;
  models: Models;
}

/** Creates the collections and every index the services' queries need (idempotent). */
export async function ensureIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models)) {
    await model.createCollection().catch((e: unknown) => {
      if (!(typeof e === 'object' && e !== null && 'codeName' in e && e.codeName === 'NamespaceExists')) throw e;
    });
    await model.createIndexes();
  }
}
