import { Types } from 'mongoose';
import type { DomainDeps } from '../models';
import { checkActor } from '../person/actor';
import type { Actor } from '../person/person.model';
import { refuse, type ActionCode } from '../refusal';
import { scoped } from '../scope';
import type { AdminChange } from './admin-audit.model';

export const ADMIN_ACTIONS = [
  'partner.setup',
  'partner.settings',
  'person.add',
  'person.update',
  'person.remove',
  'location.save',
  'eligibility.tick',
  'eligibility.untick',
  'enrollment.enroll',
  'enrollment.renew',
  'profile.update',
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/** Only partner admins change partner settings, people, locations, eligibility, enrollment and profile (issue 9). */
export function requireAdmin(actor: Actor, action: ActionCode): void {
  checkActor(actor);
  if (!actor.roles.includes('admin') && !actor.roles.includes('system')) throw refuse('NOT_PERMITTED', { action, roles: ['admin'] });
}

/**
 * Records who changed what and when. Inserted right after the change it describes: the change is
 * the one conditional write; this entry is a new document that no other writer touches.
 */
export async function recordAdminChange(deps: DomainDeps, actor: Actor, action: AdminAction, target: string): Promise<void> {
  await deps.models.adminChanges.create({
    _id: new Types.ObjectId(),
    partnerId: actor.partnerId,
    at: deps.clock.now(),
    byAadObjectId: actor.aadObjectId,
    byName: actor.name,
    action,
    target,
  });
}

/** The latest changes of a partner, newest first. */
export function recentAdminChanges(deps: DomainDeps, partnerId: Types.ObjectId, limit = 10): Promise<AdminChange[]> {
  return deps.models.adminChanges.find(scoped(partnerId, {})).sort({ at: -1, _id: -1 }).limit(limit).lean<AdminChange[]>();
}
