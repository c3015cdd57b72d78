import type { VerbData } from '../../cards/verbs';
import { partnerAdmin } from '../../domain/partner/partner-admin';
import type { Handler } from '../routing/types';
import { locationFormView } from '../views/admin.view';

/** Edit (a location id) or Add location (none) on the locations card: the location form. */
export const editLocationAction: Handler<VerbData<'location.edit'>> = async (ctx, d) => {
  const location = d.locationId ? await partnerAdmin(ctx.domain.deps).locations.get(ctx.actor, d.locationId) : null;
  return locationFormView(ctx, location);
};
