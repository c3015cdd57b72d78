import type { Connection } from 'mongoose';
import type { Clock } from './clock';
import { approvalModel } from './approval/approval.model';
import { eligibilityModel, enrollmentModel } from './enrollment/enrollment.model';
import { locationModel } from './location/location.model';
import { adminChangeModel } from './partner/admin-audit.model';
import { partnerModel, profileModel } from './partner/partner.model';
import { personModel } from './person/person.model';
import { storeHandle, writeClaimModel, type StoreHandle, type WriteMode } from './store';
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
    /** Partner administration changes (issue 9): who changed which setting, person, location, eligibility, enrollment or profile. */
    adminChanges: adminChangeModel(connection),
    writeClaims: writeClaimModel(connection),
  };
}
export type Models = ReturnType<typeof createModels>;

/** What every service gets: the connection, its models, the clock and the write path's server facts. */
export interface DomainDeps {
  connection: Connection;
  clock: Clock;
  models: Models;
  store: StoreHandle;
}

/** `writeMode` forces the write path's mode (benchmarks); by default it follows the server. */
export function createDeps(connection: Connection, clock: Clock, options: { writeMode?: WriteMode } = {}): DomainDeps {
  return { connection, clock, models: createModels(connection), store: storeHandle(connection, options.writeMode) };
}

/**
 * Creates the collections and every index the models declare, unique ones included (idempotent).
 * `autoIndex` is off, so nothing else creates them: the bot calls this at start-up, seed too.
 */
export async function ensureIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models)) {
    await model.createCollection().catch((e: unknown) => {
      if (!(typeof e === 'object' && e !== null && 'codeName' in e && e.codeName === 'NamespaceExists')) throw e;
    });
    await model.createIndexes();
  }
}
