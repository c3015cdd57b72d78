import { adminTexts } from '../i18n/admin';
import type { Handler } from '../routing/types';
import { eligibilityView, statusView } from '../views/admin.view';
import { refusalView } from '../views/message.view';
import { anyWords, programList, programNamed } from './admin-words';

/** `eligibility [program]` / `éligibilité`: the program's checklist card; without a program, the overview of every program. */
export const eligibilityArgs = anyWords;
export const showEligibility: Handler<string[]> = async (ctx, words) => {
  if (!words[0]) return statusView(ctx);
  const program = programNamed(words[0]);
  if (!program) return refusalView(adminTexts[ctx.locale].unknownProgram(words[0], programList()), ctx.locale);
  return eligibilityView(ctx, program);
};
