import type { VerbData } from '../../cards/verbs';
import { partnerAdmin } from '../../domain/partner/partner-admin';
import { adminTexts } from '../i18n/admin';
import { programNamed, programList } from '../commands/admin-words';
import type { Handler } from '../routing/types';
import { enrollmentView } from '../views/admin.view';
import { refusalView } from '../views/message.view';

/** Enroll or Renew on the enrollment card: the domain refuses until eligibility is active, and future dates. */
export const saveEnrollmentAction: Handler<VerbData<'enrollment.save'>> = async (ctx, d) => {
  const t = adminTexts[ctx.locale];
  const program = programNamed(d.program);
  if (!program) return refusalView(t.unknownProgram(d.program, programList()), ctx.locale);
  const input = {
    program,
    agreementSignedOn: d.agreementSignedOn,
    complianceTrainingOn: d.complianceTrainingOn,
    locationIds: d.locationIds,
  };
  await partnerAdmin(ctx.domain.deps).enrollment.enroll(ctx.actor, input, d.kind);
  return enrollmentView(ctx, program, d.kind === 'renew' ? t.renewed(program) : t.enrolled(program));
};
