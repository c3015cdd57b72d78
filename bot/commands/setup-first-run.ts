import { toSetupData } from '../../cards/setup.card';
import { render } from '../../cards/render';
import { VERBS } from '../../cards/verbs';
import { DEFAULT_PARTNER_SETTINGS } from '../../domain/partner/partner.model';
import { isIsoCountry, partnerAdmin } from '../../domain/partner/partner-admin';
import type { Domain } from '../../domain/domain';
import { parseInput } from '../../domain/refusal';
import { adminTexts } from '../i18n/admin';
import type { HandlerContext, IncomingTurn, Reply } from '../routing/types';
import { refusalView } from '../views/message.view';
import { statusView } from '../views/admin.view';

/**
 * The roster only suggests a name and an email, so it gets this long, not the turn's whole time: an
 * unreachable Bot Connector is retried by botbuilder for seconds, past Teams' limit (TURN_DEADLINE_MS).
 */
const ROSTER_WAIT_MS = 1_500;

/**
 * The sender as Teams' roster knows them, for their email and name. Only a convenience: a roster
 * that cannot be reached (a test client without a Bot Connector) leaves the form for them to fill.
 */

async function whoAmI(turn: IncomingTurn) {
  if (!turn.members || !turn.userAadObjectId) return null;
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ROSTER_WAIT_MS)));
  try {
    return await Promise.race([turn.members.get(turn.userAadObjectId).catch(() => null), giveUp]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The setup card for the person who typed `setup`, their email suggested from Teams when the
 * roster answers (it is only a suggestion: they can type it, and nothing depends on the lookup).
 */
export async function setupCardView(turn: IncomingTurn): Promise<Reply> {
  const me = await whoAmI(turn);
  const data = toSetupData(
    { partnerName: null, threshold: DEFAULT_PARTNER_SETTINGS.approvalDaysThreshold, adminEmail: me?.email ?? null },
    turn.locale,
  );
  return { kind: 'card', card: render('setup', data) };
}

/** The setup card's button: the partner, its first location and its first admin (the clicker). */
export async function completeSetup(domain: Domain, turn: IncomingTurn): Promise<Reply> {
  const t = adminTexts[turn.locale];
  const d = parseInput(VERBS['partner.setup'], turn.invoke?.data);
  const country = (d.country ?? '').toUpperCase();
  if (!isIsoCountry(country)) return refusalView(t.badCountry(d.country ?? ''), turn.locale);
  const me = await whoAmI(turn);
  const outcome = await partnerAdmin(domain.deps).setup({
    tenantId: turn.tenantId ?? '',
    partnerName: d.partnerName,
    locationId: d.locationId ?? '',
    locationName: d.locationName ?? '',
    country,
    approvalDaysThreshold: d.approvalDaysThreshold,
    admin: {
      aadObjectId: turn.userAadObjectId ?? '',
      name: me?.name || turn.userName || d.adminEmail || 'Admin',
      email: d.adminEmail ?? me?.email ?? '',
    },
  });
  if (!outcome.created) return refusalView(t.alreadySetUp(outcome.partner.name), turn.locale);
  const ctx: HandlerContext = { domain, actor: outcome.admin, partnerName: outcome.partner.name, locale: turn.locale, turn };
  return statusView(ctx, t.setUpDone(outcome.partner.name));
}
