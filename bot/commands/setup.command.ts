import type { Domain } from '../../domain/domain';
import { isPartnerSetUp } from '../../domain/partner/onboarding.service';
import { adminTexts } from '../i18n/admin';
import { answerFor } from '../routing/answers';
import { fold, normaliseText } from '../routing/normalise';
import type { Answer, Handler, IncomingTurn } from '../routing/types';
import { refusalView } from '../views/message.view';
import { settingsView } from '../views/admin.view';
import { anyWords } from './admin-words';
import { completeSetup, setupCardView } from './setup-first-run';

export const SETUP_KEYWORDS = { en: 'setup', fr: 'configurer' } as const;

/** `setup` / `configurer` in a tenant a partner owns: its settings (admins only, by the router). */
export const setupArgs = anyWords;
export const showSettings: Handler<string[]> = (ctx) => settingsView(ctx);

const isSetupTurn = (turn: IncomingTurn): boolean =>
  turn.kind === 'invoke'
    ? turn.invoke?.name === 'adaptiveCard/action' && turn.invoke.verb === 'partner.setup'
    : turn.kind === 'message' && [SETUP_KEYWORDS.en, SETUP_KEYWORDS.fr].map(fold).includes(normaliseText(turn.text).keyword);

/**
 * First run (issue 9, step 1): `setup` or the setup card's button in a tenant no partner owns is
 * answered here, before anyone is identified; every other turn goes on to the router (in an owned
 * tenant `setup` shows the settings to admins). `allowedTenantIds` empty means any tenant.
 */
export function setupFirstRun(allowedTenantIds: readonly string[]) {
  return async (domain: Domain, turn: IncomingTurn): Promise<Answer | null> => {
    if (!isSetupTurn(turn)) return null;
    const kind = turn.kind === 'invoke' ? 'invoke' : 'message';
    const t = adminTexts[turn.locale];
    if (!turn.tenantId) return answerFor(kind, refusalView(t.noTenant, turn.locale), 'setup', 'refused');
    if (await isPartnerSetUp(domain.deps, turn.tenantId)) return null;
    if (allowedTenantIds.length > 0 && !allowedTenantIds.includes(turn.tenantId))
      return answerFor(kind, refusalView(t.tenantNotAllowed, turn.locale), 'setup', 'refused');
    if (kind === 'message') return answerFor(kind, await setupCardView(turn), 'setup');
    return answerFor(kind, await completeSetup(domain, turn), 'partner.setup');
  };
}

/** The start-up log line about who may run setup. */
export function describeSetupTenants(allowedTenantIds: readonly string[]): string {
  return allowedTenantIds.length === 0
    ? 'setup: ALLOWED_TENANT_IDS is empty, so a person of any tenant may set up a new partner'
    : `setup: only ${allowedTenantIds.length} tenant(s) of ALLOWED_TENANT_IDS may set up a new partner`;
}
