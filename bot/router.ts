import { VERBS } from '../cards/verbs';
import type { Role } from '../domain/domain';
import { approveAction } from './actions/approval-approve.action';
import { refreshApprovalAction } from './actions/approval-refresh.action';
import { rejectAction } from './actions/approval-reject.action';
import { suggestAction } from './actions/help-suggest.action';
import { confirmRedemptionAction } from './actions/redemption-confirm.action';
import { pickRedemptionAction } from './actions/redemption-pick.action';
import { reviewRedemptionAction } from './actions/redemption-review.action';
import { addVoucherAction } from './actions/voucher-add.action';
import { cancelVoucherAction } from './actions/voucher-cancel.action';
import { cancelFormAction } from './actions/voucher-cancel-form.action';
import { claimVoucherAction } from './actions/voucher-claim.action';
import { claimFormAction } from './actions/voucher-claim-form.action';
import { completeVoucherAction } from './actions/voucher-complete.action';
import { completeFormAction } from './actions/voucher-complete-form.action';
import { payVoucherAction } from './actions/voucher-pay.action';
import { payFormAction } from './actions/voucher-pay-form.action';
import { reserveVoucherAction } from './actions/voucher-reserve.action';
import { reserveFormAction } from './actions/voucher-reserve-form.action';
import { scheduleVoucherAction } from './actions/voucher-schedule.action';
import { scheduleFormAction } from './actions/voucher-schedule-form.action';
import { approvalsArgs, listApprovals } from './commands/approvals.command';
import { approveArgs, approveRequest } from './commands/approve.command';
import { cancelArgs, cancelVoucher } from './commands/cancel.command';
import { claimArgs, claimVoucher } from './commands/claim.command';
import { completeArgs, completeForm } from './commands/complete.command';
import { helpArgs, helpFor } from './commands/help.command';
import { markPaid, paidArgs } from './commands/paid.command';
import { redeemArgs, redeemVouchers } from './commands/redeem.command';
import { rejectArgs, rejectRequest } from './commands/reject.command';
import { reserveArgs, reserveForm } from './commands/reserve.command';
import { scheduleArgs, scheduleVoucher } from './commands/schedule.command';
import { showVoucher, showVoucherById, voucherArgs } from './commands/voucher.command';
import { pastedEmail } from './commands/voucher-email.command';
import { listVouchers, pageVouchers, vouchersArgs } from './commands/vouchers.command';
import { saveChecklistAction } from './actions/eligibility-save.action';
import { saveEnrollmentAction } from './actions/enrollment-save.action';
import { editLocationAction } from './actions/location-edit.action';
import { saveLocationAction } from './actions/location-save.action';
import { saveSettingsAction } from './actions/partner-setup.action';
import { editPersonAction } from './actions/person-edit.action';
import { removePersonAction } from './actions/person-remove.action';
import { savePersonAction } from './actions/person-save.action';
import { saveProfileAction } from './actions/profile-save.action';
import { addArgs, addPerson } from './commands/add.command';
import { eligibilityArgs, showEligibility } from './commands/eligibility.command';
import { enrollArgs, enrollForm } from './commands/enroll.command';
import { locationsArgs, showLocations } from './commands/locations.command';
import { listPeople, peopleArgs } from './commands/people.command';
import { profileArgs, showProfile } from './commands/profile.command';
import { removeArgs, removePerson } from './commands/remove.command';
import { renewArgs, renewForm } from './commands/renew.command';
import { setupArgs, setupFirstRun, showSettings } from './commands/setup.command';
import { showStatus, statusArgs } from './commands/status.command';
import { approvalsChannelArgs, setApprovalsChannelHere } from './commands/approvals-channel.command';
import { firstAnswer, phraseRoute } from './routing/phrases';
import { customerMailboxArgs, setCustomerMailbox, setVouchersChannelHere, vouchersChannelArgs } from './email/email-settings.command';
import type { RouterTables } from './routing/tables';
import { command, verb, type CommandEntry, type VerbEntry } from './routing/types';

/**
 * The router as data (STYLE.md §3): text commands (English and French keyword, who may run them,
 * argument schema, handler) and card verbs (declared in cards/verbs.ts, with their text twin).
 */
const EVERYONE: readonly Role[] = ['admin', 'staff', 'manager'];
const WORKERS: readonly Role[] = ['admin', 'staff'];
const MANAGERS: readonly Role[] = ['manager'];
/** Partner administration (issue 9): only admins change settings, people, locations, eligibility, enrollment, profile. */
const ADMINS: readonly Role[] = ['admin'];

export const COMMANDS: readonly CommandEntry[] = [
  command({
    id: 'help',
    en: 'help',
    fr: 'aide',
    aliases: ['commands', 'commandes', 'menu', 'aidez-moi', 'aide-moi'],
    changes: false,
    roles: EVERYONE,
    args: helpArgs,
    handler: (ctx, a) => helpFor(COMMANDS)(ctx, a),
  }),
  command({
    id: 'vouchers',
    en: 'vouchers',
    fr: 'bons',
    aliases: ['documents'],
    changes: false,
    roles: EVERYONE,
    args: vouchersArgs,
    handler: listVouchers,
  }),
  command({
    id: 'voucher',
    en: 'voucher',
    fr: 'bon',
    aliases: ['document'],
    numbers: 'first',
    changes: false,
    roles: EVERYONE,
    args: voucherArgs,
    handler: showVoucher,
  }),
  command({
    id: 'reserve',
    en: 'reserve',
    fr: 'réserver',
    aliases: ['reservation', 'réservation', 'réservez', 'réserve-le'],
    numbers: 'first',
    changes: false,
    roles: WORKERS,
    args: reserveArgs,
    handler: reserveForm,
  }),
  command({
    id: 'cancel',
    en: 'cancel',
    fr: 'annuler',
    aliases: ['annulation', 'annulez', 'annule'],
    numbers: 'first',
    changes: true,
    roles: WORKERS,
    args: cancelArgs,
    handler: cancelVoucher,
  }),
  command({
    id: 'schedule',
    en: 'schedule',
    fr: 'planifier',
    aliases: ['reschedule', 'replanifier', 'planifiez', 'planifie'],
    numbers: 'first',
    changes: true,
    roles: WORKERS,
    args: scheduleArgs,
    handler: scheduleVoucher,
  }),
  command({
    id: 'complete',
    en: 'complete',
    fr: 'terminer',
    aliases: ['completion', 'achever', 'terminez', 'termine'],
    numbers: 'first',
    changes: false,
    roles: WORKERS,
    args: completeArgs,
    handler: completeForm,
  }),
  command({
    id: 'redeem',
    en: 'redeem',
    fr: 'échanger',
    aliases: ['utiliser', 'redemption', 'échangez', 'utilisez'],
    numbers: 'each',
    changes: false,
    roles: WORKERS,
    args: redeemArgs,
    handler: redeemVouchers,
  }),
  command({
    id: 'approvals',
    en: 'approvals',
    fr: 'approbations',
    aliases: ['approbation'],
    changes: false,
    roles: MANAGERS,
    args: approvalsArgs,
    handler: listApprovals,
  }),
  command({
    id: 'approve',
    en: 'approve',
    fr: 'approuver',
    aliases: ['approuvez', 'approuve'],
    numbers: 'first',
    changes: true,
    roles: MANAGERS,
    args: approveArgs,
    handler: approveRequest,
  }),
  command({
    id: 'reject',
    en: 'reject',
    fr: 'rejeter',
    aliases: ['refuser', 'rejetez', 'rejette', 'refusez'],
    numbers: 'first',
    changes: true,
    roles: MANAGERS,
    args: rejectArgs,
    handler: rejectRequest,
  }),
  command({
    id: 'claim',
    en: 'claim',
    fr: 'réclamer',
    aliases: ['réclamation', 'réclamez', 'réclame'],
    numbers: 'first',
    changes: true,
    roles: WORKERS,
    args: claimArgs,
    handler: claimVoucher,
  }),
  command({ id: 'paid', en: 'paid', fr: 'payé', numbers: 'first', changes: true, roles: WORKERS, args: paidArgs, handler: markPaid }),
  command({
    id: 'status',
    en: 'status',
    fr: 'état',
    aliases: ['statut', 'overview'],
    changes: false,
    roles: EVERYONE,
    args: statusArgs,
    handler: showStatus,
  }),
  command({
    id: 'setup',
    en: 'setup',
    fr: 'configurer',
    aliases: ['settings', 'paramètres'],
    changes: false,
    roles: ADMINS,
    args: setupArgs,
    handler: showSettings,
  }),
  command({
    id: 'people',
    en: 'people',
    fr: 'personnes',
    aliases: ['persons', 'utilisateurs'],
    changes: false,
    roles: ADMINS,
    args: peopleArgs,
    handler: listPeople,
  }),
  command({ id: 'add', en: 'add', fr: 'ajouter', changes: true, roles: ADMINS, args: addArgs, handler: addPerson }),
  command({ id: 'remove', en: 'remove', fr: 'retirer', changes: true, roles: ADMINS, args: removeArgs, handler: removePerson }),
  command({
    id: 'locations',
    en: 'locations',
    fr: 'sites',
    aliases: ['location', 'site', 'emplacements', 'emplacement'],
    changes: false,
    roles: ADMINS,
    args: locationsArgs,
    handler: showLocations,
  }),
  command({
    id: 'eligibility',
    en: 'eligibility',
    fr: 'éligibilité',
    changes: false,
    roles: ADMINS,
    args: eligibilityArgs,
    handler: showEligibility,
  }),
  command({
    id: 'enroll',
    en: 'enroll',
    fr: 'inscrire',
    aliases: ['enrol', 'enrollment', 'enrolment', 'inscription'],
    changes: false,
    roles: ADMINS,
    args: enrollArgs,
    handler: enrollForm,
  }),
  command({
    id: 'renew',
    en: 'renew',
    fr: 'renouveler',
    aliases: ['renewal', 'renouvellement'],
    changes: false,
    roles: ADMINS,
    args: renewArgs,
    handler: renewForm,
  }),
  command({ id: 'profile', en: 'profile', fr: 'profil', changes: false, roles: EVERYONE, args: profileArgs, handler: showProfile }),
];

export const VERB_ROUTES: readonly VerbEntry[] = [
  verb({ verb: 'voucher.add', roles: WORKERS, data: VERBS['voucher.add'], changes: true, twin: 'email', handler: addVoucherAction }),
  verb({
    verb: 'voucher.details',
    roles: EVERYONE,
    data: VERBS['voucher.details'],
    changes: false,
    twin: 'voucher',
    handler: showVoucherById,
  }),
  verb({ verb: 'vouchers.page', roles: EVERYONE, data: VERBS['vouchers.page'], changes: false, twin: 'vouchers', handler: pageVouchers }),
  verb({
    verb: 'voucher.reserve-form',
    roles: WORKERS,
    data: VERBS['voucher.reserve-form'],
    changes: false,
    twin: 'reserve',
    handler: reserveFormAction,
  }),
  verb({
    verb: 'voucher.reserve',
    roles: WORKERS,
    data: VERBS['voucher.reserve'],
    changes: true,
    twin: 'reserve',
    handler: reserveVoucherAction,
  }),
  verb({
    verb: 'voucher.cancel-form',
    roles: WORKERS,
    data: VERBS['voucher.cancel-form'],
    changes: false,
    twin: 'cancel',
    handler: cancelFormAction,
  }),
  verb({
    verb: 'voucher.cancel',
    roles: WORKERS,
    data: VERBS['voucher.cancel'],
    changes: true,
    twin: 'cancel',
    handler: cancelVoucherAction,
  }),
  verb({
    verb: 'voucher.schedule-form',
    roles: WORKERS,
    data: VERBS['voucher.schedule-form'],
    changes: false,
    twin: 'schedule',
    handler: scheduleFormAction,
  }),
  verb({
    verb: 'voucher.schedule',
    roles: WORKERS,
    data: VERBS['voucher.schedule'],
    changes: true,
    twin: 'schedule',
    handler: scheduleVoucherAction,
  }),
  verb({
    verb: 'voucher.complete-form',
    roles: WORKERS,
    data: VERBS['voucher.complete-form'],
    changes: false,
    twin: 'complete',
    handler: completeFormAction,
  }),
  verb({
    verb: 'voucher.complete',
    roles: WORKERS,
    data: VERBS['voucher.complete'],
    changes: true,
    twin: 'complete',
    handler: completeVoucherAction,
  }),
  verb({
    verb: 'redemption.pick',
    roles: WORKERS,
    data: VERBS['redemption.pick'],
    changes: false,
    twin: 'redeem',
    handler: pickRedemptionAction,
  }),
  verb({
    verb: 'redemption.review',
    roles: WORKERS,
    data: VERBS['redemption.review'],
    changes: false,
    twin: 'redeem',
    handler: reviewRedemptionAction,
  }),
  verb({
    verb: 'redemption.confirm',
    roles: WORKERS,
    data: VERBS['redemption.confirm'],
    changes: true,
    twin: 'redeem',
    handler: confirmRedemptionAction,
  }),
  verb({
    verb: 'voucher.claim-form',
    roles: WORKERS,
    data: VERBS['voucher.claim-form'],
    changes: false,
    twin: 'claim',
    handler: claimFormAction,
  }),
  verb({ verb: 'voucher.claim', roles: WORKERS, data: VERBS['voucher.claim'], changes: true, twin: 'claim', handler: claimVoucherAction }),
  verb({ verb: 'voucher.pay-form', roles: WORKERS, data: VERBS['voucher.pay-form'], changes: false, twin: 'paid', handler: payFormAction }),
  verb({ verb: 'voucher.pay', roles: WORKERS, data: VERBS['voucher.pay'], changes: true, twin: 'paid', handler: payVoucherAction }),
  verb({
    verb: 'approval.approve',
    roles: MANAGERS,
    data: VERBS['approval.approve'],
    changes: true,
    twin: 'approve',
    handler: approveAction,
  }),
  verb({ verb: 'approval.reject', roles: MANAGERS, data: VERBS['approval.reject'], changes: true, twin: 'reject', handler: rejectAction }),
  verb({
    verb: 'approval.refresh',
    roles: EVERYONE,
    data: VERBS['approval.refresh'],
    changes: false,
    twin: 'approvals',
    handler: refreshApprovalAction,
  }),
  verb({
    verb: 'help.suggest',
    roles: EVERYONE,
    data: VERBS['help.suggest'],
    changes: false,
    twin: 'help',
    handler: (ctx, d) => suggestAction(ROUTER, ctx, d),
  }),
  verb({ verb: 'partner.setup', roles: ADMINS, data: VERBS['partner.setup'], changes: true, twin: 'setup', handler: saveSettingsAction }),
  verb({ verb: 'person.edit', roles: ADMINS, data: VERBS['person.edit'], changes: false, twin: 'people', handler: editPersonAction }),
  verb({ verb: 'person.save', roles: ADMINS, data: VERBS['person.save'], changes: true, twin: 'add', handler: savePersonAction }),
  verb({ verb: 'person.remove', roles: ADMINS, data: VERBS['person.remove'], changes: true, twin: 'remove', handler: removePersonAction }),
  verb({
    verb: 'location.edit',
    roles: ADMINS,
    data: VERBS['location.edit'],
    changes: false,
    twin: 'locations',
    handler: editLocationAction,
  }),
  verb({
    verb: 'location.save',
    roles: ADMINS,
    data: VERBS['location.save'],
    changes: true,
    twin: 'locations',
    handler: saveLocationAction,
  }),
  verb({
    verb: 'eligibility.save',
    roles: ADMINS,
    data: VERBS['eligibility.save'],
    changes: true,
    twin: 'eligibility',
    handler: saveChecklistAction,
  }),
  verb({
    verb: 'enrollment.save',
    roles: ADMINS,
    data: VERBS['enrollment.save'],
    changes: true,
    twin: 'enroll',
    handler: saveEnrollmentAction,
  }),
  verb({ verb: 'profile.save', roles: ADMINS, data: VERBS['profile.save'], changes: true, twin: 'profile', handler: saveProfileAction }),
];

/**
 * Commands of several words whose first word is another command's keyword (bot/routing/phrases.ts):
 * matched on the whole phrase first. `approvals channel here`, run by an admin in a channel (issue 10).
 */
export const PHRASES: readonly CommandEntry[] = [
  command({
    id: 'approvals-channel',
    en: 'approvals channel here',
    fr: 'canal approbations ici',
    changes: true,
    roles: ADMINS,
    args: approvalsChannelArgs,
    handler: setApprovalsChannelHere,
  }),
  command({
    id: 'vouchers-channel',
    en: 'new vouchers channel here',
    fr: 'canal nouveaux bons ici',
    changes: true,
    roles: ADMINS,
    args: vouchersChannelArgs,
    handler: setVouchersChannelHere,
  }),
  command({
    id: 'customer-mailbox',
    en: 'customer mailbox',
    fr: 'boîte clients',
    changes: true,
    roles: ADMINS,
    args: customerMailboxArgs,
    handler: setCustomerMailbox,
  }),
];

/**
 * Everything the dispatcher needs: both tables, the email paste and the first run, whose
 * `allowedTenantIds` (ALLOWED_TENANT_IDS) names the tenants that may set up a partner.
 */
export function routerFor(options: { allowedTenantIds: readonly string[] }): RouterTables {
  return {
    commands: COMMANDS,
    verbs: VERB_ROUTES,
    email: { roles: WORKERS, handler: pastedEmail },
    firstRun: firstAnswer(phraseRoute(PHRASES), setupFirstRun(options.allowedTenantIds)),
  };
}

/** The router with setup open to any tenant (tests and tools; the bot process uses `routerFor(config)`). */
export const ROUTER: RouterTables = routerFor({ allowedTenantIds: [] });
