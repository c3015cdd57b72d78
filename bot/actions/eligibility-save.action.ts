import type { VerbData } from '../../cards/verbs';
import { partnerAdmin } from '../../domain/partner/partner-admin';
import { programList, programNamed } from '../commands/admin-words';
import { adminTexts } from '../i18n/admin';
import type { Handler } from '../routing/types';
import { eligibilityView } from '../views/admin.view';
import { refusalView } from '../views/message.view';

/**
 * The checklist card's Save. Only the items this person changed on the card are applied (each by
 * its own conditional update): an item someone else ticked since the card was shown stays ticked.
 */
export const saveChecklistAction: Handler<VerbData<'eligibility.save'>> = async (ctx, d) => {
  const t = adminTexts[ctx.locale];
  const program = programNamed(d.program);
  if (!program) return refusalView(t.unknownProgram(d.program, programList()), ctx.locale);
  const shown = new Set(d.shown);
  const changes = d.items.filter((i) => i.done !== shown.has(i.key)).map((i) => ({ item: i.key, done: i.done }));
  if (changes.length > 0) await partnerAdmin(ctx.domain.deps).enrollment.tick(ctx.actor, { program, changes });
  return eligibilityView(ctx, program, changes.length > 0 ? t.checklistSaved : t.nothingChanged);
};
