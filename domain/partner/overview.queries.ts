import type { Types } from 'mongoose';
import type { ChecklistView } from '../enrollment/eligibility.service';
import { eligibilityService } from '../enrollment/eligibility.service';
import type { Enrollment } from '../enrollment/enrollment.model';
import type { Location } from '../location/location.model';
import type { DomainDeps } from '../models';
import type { Actor, Person, Role } from '../person/person.model';
import { checkMember } from '../person/actor';
import { ROLES } from '../person/person.model';
import { scoped } from '../scope';
import { VOUCHER_STATES, type VoucherState } from '../voucher/voucher.machine';
import { recentAdminChanges } from './admin-audit';
import type { AdminChange } from './admin-audit.model';
import type { Partner } from './partner.model';

/** The partner overview (issue 9, step 7): what an admin opens first; readable by every role. */
export interface PartnerOverview {
  partner: Pick<Partner, 'name' | 'settings'>;
  programs: { program: string; status: ChecklistView['status']; missing: number; renewBy: Date | null }[];
  locations: Pick<Location, 'locationId' | 'name' | 'country' | 'approvedPrograms'>[];
  peopleByRole: { role: Role; names: string[] }[];
  vouchersByState: { state: VoucherState; count: number }[];
  changes: AdminChange[];
}

async function vouchersByState(deps: DomainDeps, partnerId: Types.ObjectId): Promise<PartnerOverview['vouchersByState']> {
  const counts = await Promise.all(VOUCHER_STATES.map((state) => deps.models.vouchers.countDocuments(scoped(partnerId, { state }))));
  return VOUCHER_STATES.map((state, i) => ({ state, count: counts[i] ?? 0 }));
}

export async function partnerOverview(deps: DomainDeps, actor: Actor): Promise<PartnerOverview> {
  checkMember(actor, 'viewPartner');
  const partner = await deps.models.partners.findById(actor.partnerId, { name: 1, settings: 1 }).lean<Partner>();
  const [checklists, enrollments, locations, people, vouchers, changes] = await Promise.all([
    eligibilityService(deps).checklists(actor),
    deps.models.enrollments.find(scoped(actor.partnerId, {})).lean<Enrollment[]>(),
    deps.models.locations.find(scoped(actor.partnerId, {})).sort({ locationId: 1 }).lean<Location[]>(),
    deps.models.people.find(scoped(actor.partnerId, {}), { name: 1, roles: 1 }).sort({ name: 1 }).lean<Pick<Person, 'name' | 'roles'>[]>(),
    vouchersByState(deps, actor.partnerId),
    recentAdminChanges(deps, actor.partnerId, 8),
  ]);
  return {
    partner: {
      name: partner?.name ?? '',
      settings: partner?.settings ?? { approvalDaysThreshold: 0, approvalTtlDays: 0, allowSelfApproval: false },
    },
    programs: checklists.map((c) => ({
      program: c.program,
      status: c.status,
      missing: c.missing.length,
      renewBy: enrollments.find((e) => e.program === c.program)?.renewBy ?? null,
    })),
    locations: locations.map(({ locationId, name, country, approvedPrograms }) => ({ locationId, name, country, approvedPrograms })),
    peopleByRole: ROLES.map((role) => ({ role, names: people.filter((p) => p.roles.includes(role)).map((p) => p.name) })),
    vouchersByState: vouchers,
    changes,
  };
}
