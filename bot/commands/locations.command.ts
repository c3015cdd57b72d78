import { partnerAdmin } from '../../domain/partner/partner-admin';
import type { Handler } from '../routing/types';
import { locationFormView, locationsView } from '../views/admin.view';
import { anyWords } from './admin-words';

/** `locations [id]` / `sites [id]`: the list, or the form of one location (a new one when the id is unknown). */
export const locationsArgs = anyWords;
export const showLocations: Handler<string[]> = async (ctx, words) => {
  const id = words[0];
  if (!id) return locationsView(ctx);
  return locationFormView(ctx, await partnerAdmin(ctx.domain.deps).locations.get(ctx.actor, id));
};
