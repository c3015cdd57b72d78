import type { Types } from 'mongoose';
import type { DomainDeps } from '../models';
import { refuse } from '../refusal';
import type { Partner } from './partner.model';

/** The partner record with its settings (approval threshold...). */
export async function loadPartner(deps: DomainDeps, partnerId: Types.ObjectId): Promise<Partner> {
  const partner = await deps.models.partners.findById(partnerId).lean<Partner>();
  if (!partner) throw refuse('PARTNER_NOT_FOUND', { partner: String(partnerId) });
  return partner;
}
