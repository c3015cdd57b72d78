import type { Locale } from './messages';

/** One example per command, shown in help and when a command's arguments do not parse. */
export const examples: Record<Locale, Record<string, string>> = {
  en: {
    help: 'help',
    vouchers: 'vouchers reserved',
    voucher: 'voucher DEMO-0001',
    reserve: 'reserve DEMO-0001 FR-PAR',
    cancel: 'cancel DEMO-0004 offer-changed',
    schedule: 'schedule DEMO-0004 2027-01-11 2027-01-13 Lee Gu',
    complete: 'complete DEMO-0005',
    redeem: 'redeem DEMO-0006',
    approvals: 'approvals',
    approve: 'approve DEMO-0007 looks good',
    reject: 'reject DEMO-0007 deliverable missing',
    claim: 'claim DEMO-0008 CLM-1234',
    paid: 'paid DEMO-0009 2026-12-01',
  },
  fr: {
    help: 'aide',
    vouchers: 'bons réservé',
    voucher: 'bon DEMO-0001',
    reserve: 'réserver DEMO-0001 FR-PAR',
    cancel: 'annuler DEMO-0004 offer-changed',
    schedule: 'planifier DEMO-0004 11/01/2027 13/01/2027 Lee Gu',
    complete: 'terminer DEMO-0005',
    redeem: 'échanger DEMO-0006',
    approvals: 'approbations',
    approve: 'approuver DEMO-0007 parfait',
    reject: 'rejeter DEMO-0007 livrable manquant',
    claim: 'réclamer DEMO-0008 CLM-1234',
    paid: 'payé DEMO-0009 01/12/2026',
  },
};

/** What each command does, for help. */
export const descriptions: Record<Locale, Record<string, string>> = {
  en: {
    help: 'what you can do', vouchers: 'list vouchers, 10 a page', voucher: 'one voucher in full', reserve: 'validate and reserve a voucher',
    cancel: 'cancel a reservation', schedule: 'schedule the engagement', complete: 'submit the completion report and deliverable',
    redeem: 'ask to redeem completed vouchers', approvals: 'requests waiting for you', approve: 'approve a request', reject: 'reject a request',
    claim: 'create the payment request', paid: 'record that Microsoft paid',
  },
  fr: {
    help: 'ce que vous pouvez faire', vouchers: 'lister les bons, 10 par page', voucher: 'un bon en détail', reserve: 'valider et réserver un bon',
    cancel: 'annuler une réservation', schedule: 'planifier la mission', complete: 'déposer le rapport de fin de mission et le livrable',
    redeem: "demander l'échange de bons terminés", approvals: 'les demandes qui vous attendent', approve: 'approuver une demande', reject: 'rejeter une demande',
    claim: 'créer la demande de paiement', paid: 'enregistrer le paiement de Microsoft',
  },
};
