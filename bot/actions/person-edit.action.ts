import type { VerbData } from '../../cards/verbs';
import { partnerAdmin } from '../../domain/partner/partner-admin';
import { adminTexts } from '../i18n/admin';
import type { Handler } from '../routing/types';
import { personFormView } from '../views/admin.view';
import { refusalView } from '../views/message.view';

/** A person's Edit on the people card: the person form as the person is now. */
export const editPersonAction: Handler<VerbData<'person.edit'>> = async (ctx, d) => {
  const person = await partnerAdmin(ctx.domain.deps).people.findPerson(ctx.actor, d.aadObjectId);
  if (!person) return refusalView(adminTexts[ctx.locale].personUnknown, ctx.locale);
  return personFormView(ctx, person);
};
