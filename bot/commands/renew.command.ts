import { partnerAdmin } from '../../domain/partner/partner-admin';
import { adminTexts } from '../i18n/admin';
import { examples } from '../i18n/examples';
import type { Handler } from '../routing/types';
import { enrollmentView } from '../views/admin.view';
import { refusalView } from '../views/message.view';
import { anyWords, programList, programNamed } from './admin-words';

/** `renew <program>` / `renouveler`: the same card for an enrollment that exists. */
export const renewArgs = anyWords;
export const renewForm: Handler<string[]> = async (ctx, words) => {
  const t = adminTexts[ctx.locale];
  const program = programNamed(words[0]);
  if (!program) return refusalView(t.unknownProgram(words[0] ?? '', programList()), ctx.locale);
  const current = await partnerAdmin(ctx.domain.deps).enrollment.enrollment(ctx.actor, program);
  if (!current)
    return refusalView(t.notEnrolledYet(program, `${examples[ctx.locale].enroll?.split(' ')[0] ?? 'enroll'} ${program}`), ctx.locale);
  return enrollmentView(ctx, program);
};
