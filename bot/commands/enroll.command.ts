import { adminTexts } from '../i18n/admin';
import type { Handler } from '../routing/types';
import { enrollmentView } from '../views/admin.view';
import { refusalView } from '../views/message.view';
import { anyWords, programList, programNamed } from './admin-words';

/** `enroll <program>` / `inscrire`: the enrollment card (refused with the reason until eligibility is active). */
export const enrollArgs = anyWords;
export const enrollForm: Handler<string[]> = async (ctx, words) => {
  const program = programNamed(words[0]);
  if (!program) return refusalView(adminTexts[ctx.locale].unknownProgram(words[0] ?? '', programList()), ctx.locale);
  return enrollmentView(ctx, program);
};
