import type { VerbData } from '../../cards/verbs';
import { partnerAdmin } from '../../domain/partner/partner-admin';
import { programNamed } from '../commands/admin-words';
import { adminTexts } from '../i18n/admin';
import type { Handler } from '../routing/types';
import { peopleView } from '../views/admin.view';
import { refusalView } from '../views/message.view';

/** The person form's Save: roles, locations and per-program training and exam dates of a person already added. */
export const savePersonAction: Handler<VerbData<'person.save'>> = async (ctx, d) => {
  const t = adminTexts[ctx.locale];
  const people = partnerAdmin(ctx.domain.deps).people;
  const person = await people.findPerson(ctx.actor, d.aadObjectId);
  if (!person) return refusalView(t.personUnknown, ctx.locale);
  // Date fields are named after the catalog's programs; a field of no program is not ours and is left out.
  const qualifications = d.qualifications.flatMap((q) => {
    const program = programNamed(q.program);
    return program ? [{ program, trainingOn: q.trainingOn, examOn: q.examOn }] : [];
  });
  const input = {
    aadObjectId: person.aadObjectId,
    name: person.name,
    email: person.email,
    roles: d.roles,
    locationIds: d.locationIds,
    qualifications,
  };
  const saved = await people.addPerson(ctx.actor, input);
  return peopleView(ctx, t.personUpdated(saved.person.name));
};
