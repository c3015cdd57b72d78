import type { VerbData } from '../../cards/verbs';
import { partnerAdmin } from '../../domain/partner/partner-admin';
import { adminTexts } from '../i18n/admin';
import type { Handler } from '../routing/types';
import { settingsView } from '../views/admin.view';

/** The settings card's Save in a tenant a partner owns (first run is answered before routing: setup.command.ts). */
export const saveSettingsAction: Handler<VerbData<'partner.setup'>> = async (ctx, d) => {
  await partnerAdmin(ctx.domain.deps).settings(ctx.actor, { partnerName: d.partnerName, approvalDaysThreshold: d.approvalDaysThreshold });
  return settingsView(ctx, adminTexts[ctx.locale].settingsSaved);
};
