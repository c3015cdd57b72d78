/**
 * The words that refusal and notice texts use for the domain's internal names (actions, roles,
 * states, input fields), in English and French, so that no user ever reads a code such as
 * `requestRedemption` or `not_started` (issue 7, "An API the bot can call").
 */
export type Locale = 'en' | 'fr';
type Words<K extends string> = Record<K, Record<Locale, string>>;

/** What a person may be refused to do (NOT_PERMITTED, VOUCHER_WRONG_STATE): voucher events and partner tasks. */
export const ACTION_WORDS = {
  intake: { en: 'add a voucher', fr: 'ajouter un bon' },
  validate: { en: 'validate a voucher', fr: 'valider un bon' },
  requestReservation: { en: 'reserve a voucher', fr: 'réserver un bon' },
  reserve: { en: 'reserve a voucher', fr: 'réserver un bon' },
  cancel: { en: 'cancel a reservation', fr: 'annuler une réservation' },
  schedule: { en: 'schedule the engagement', fr: 'planifier la mission' },
  complete: { en: 'report the engagement complete', fr: 'déclarer la mission terminée' },
  addDeliverable: { en: 'add a deliverable', fr: 'ajouter un livrable' },
  requestRedemption: { en: 'ask to redeem a voucher', fr: "demander l'échange d'un bon" },
  releaseApproval: { en: 'release a voucher from its approval', fr: 'libérer un bon de son approbation' },
  approveReservation: { en: 'approve a reservation', fr: 'approuver une réservation' },
  redeem: { en: 'redeem a voucher', fr: 'échanger un bon' },
  claim: { en: 'create the payment claim', fr: 'créer la demande de paiement' },
  pay: { en: 'mark the claim paid', fr: 'marquer la demande payée' },
  expire: { en: 'expire a voucher', fr: 'faire expirer un bon' },
  correct: { en: 'correct a voucher', fr: 'corriger un bon' },
  approve: { en: 'approve a request', fr: 'approuver une demande' },
  reject: { en: 'reject a request', fr: 'rejeter une demande' },
  viewVouchers: { en: 'see vouchers', fr: 'consulter les bons' },
  viewApprovals: { en: 'see approvals', fr: 'consulter les approbations' },
  viewPeople: { en: "see the partner's people", fr: 'consulter les personnes du partenaire' },
  viewPartner: {
    en: "see the partner's set-up (enrollments, locations, profile, overview)",
    fr: "consulter la configuration du partenaire (inscriptions, sites, profil, vue d'ensemble)",
  },
  managePeople: { en: 'manage people and roles', fr: 'gérer les personnes et les rôles' },
  manageLocations: { en: 'manage locations', fr: 'gérer les sites' },
  manageSettings: { en: 'change partner settings', fr: 'modifier les paramètres du partenaire' },
  updateEligibility: { en: 'update eligibility', fr: "mettre à jour l'éligibilité" },
  enroll: { en: 'enroll in a program', fr: 'inscrire à un programme' },
  updateProfile: { en: 'update the directory profile', fr: "mettre à jour le profil d'annuaire" },
} satisfies Words<string>;
export type ActionCode = keyof typeof ACTION_WORDS;

/** Role names as a sentence uses them in the plural ("Only partner admins and staff can…"). */
export const ROLE_WORDS = {
  admin: { en: 'partner admins', fr: 'les administrateurs partenaires' },
  staff: { en: 'staff', fr: 'les membres du personnel' },
  manager: { en: 'managers', fr: 'les responsables' },
  system: { en: 'the system', fr: 'le système' },
} satisfies Words<string>;
export type RoleWord = keyof typeof ROLE_WORDS;

/** Voucher states as an adjective of "le bon" / "the voucher". */
export const STATE_WORDS = {
  assigned: { en: 'assigned', fr: 'attribué' },
  reserved: { en: 'reserved', fr: 'réservé' },
  scheduled: { en: 'scheduled', fr: 'planifié' },
  completed: { en: 'completed', fr: 'terminé' },
  redeemed: { en: 'redeemed', fr: 'échangé' },
  claimed: { en: 'claimed', fr: 'réclamé' },
  paid: { en: 'paid', fr: 'payé' },
  expired: { en: 'expired', fr: 'expiré' },
} satisfies Words<string>;

/** Eligibility statuses (of "l'éligibilité") and approval statuses (of "l'approbation"), both feminine in French. */
export const STATUS_WORDS = {
  not_started: { en: 'not started', fr: 'non commencée' },
  in_progress: { en: 'in progress', fr: 'en cours' },
  active: { en: 'active', fr: 'active' },
  pending: { en: 'pending', fr: 'en attente' },
  approved: { en: 'approved', fr: 'approuvée' },
  rejected: { en: 'rejected', fr: 'rejetée' },
  expired: { en: 'expired', fr: 'expirée' },
} satisfies Words<string>;

/** Input fields named in INVALID_INPUT and DATE_OUT_OF_RANGE, by their path in the service input. */
export const FIELD_WORDS = {
  voucherId: { en: 'voucher', fr: 'bon' },
  voucherIds: { en: 'vouchers', fr: 'bons' },
  voucherNumber: { en: 'voucher number', fr: 'numéro du bon' },
  expectedState: { en: 'voucher state shown', fr: 'état affiché du bon' },
  program: { en: 'program', fr: 'programme' },
  days: { en: 'number of days (1, 3, 5, 10 or 15)', fr: 'nombre de jours (1, 3, 5, 10 ou 15)' },
  customerName: { en: 'customer name', fr: 'nom du client' },
  agreementNumber: { en: 'agreement number (letters, digits and hyphens)', fr: 'numéro de contrat (lettres, chiffres et tirets)' },
  voucherAdminEmail: { en: "voucher administrator's email", fr: "e-mail de l'administrateur du bon" },
  assignedOn: { en: 'assignment date', fr: "date d'attribution" },
  expiresOn: { en: 'expiry date', fr: "date d'expiration" },
  source: { en: 'source of the voucher', fr: 'origine du bon' },
  'source.senderEmail': { en: "sender's email", fr: "e-mail de l'expéditeur" },
  locationId: { en: 'location', fr: 'site' },
  locationIds: { en: 'locations', fr: 'sites' },
  engagementCountry: { en: 'engagement country', fr: 'pays de la mission' },
  termsAccepted: { en: 'acceptance of the program terms', fr: 'acceptation des conditions du programme' },
  plannedStart: { en: 'planned start', fr: 'début prévu' },
  fifteenDayException: { en: '15-day exception', fr: 'exception 15 jours' },
  reason: { en: 'reason', fr: 'motif' },
  start: { en: 'start date', fr: 'date de début' },
  end: { en: 'end date', fr: 'date de fin' },
  consultantAadObjectId: { en: 'consultant', fr: 'consultant' },
  deliveredOn: { en: 'delivery date', fr: 'date de livraison' },
  summary: { en: 'summary', fr: 'résumé' },
  attendees: { en: 'attendees', fr: 'participants' },
  recommendations: { en: 'recommendations', fr: 'recommandations' },
  claimNumber: { en: 'claim number', fr: 'numéro de demande' },
  paidOn: { en: 'payment date', fr: 'date de paiement' },
  fileName: { en: 'file name', fr: 'nom du fichier' },
  contentType: { en: 'file type', fr: 'type de fichier' },
  data: { en: 'file', fr: 'fichier' },
  name: { en: 'name', fr: 'nom' },
  url: { en: 'link', fr: 'lien' },
  approvalId: { en: 'approval', fr: 'approbation' },
  comment: { en: 'comment', fr: 'commentaire' },
  email: { en: 'email', fr: 'e-mail' },
  roles: { en: 'roles', fr: 'rôles' },
  item: { en: 'checklist item', fr: 'élément de la liste de contrôle' },
  enrolledOn: { en: 'enrollment date', fr: "date d'inscription" },
  agreementSignedOn: { en: 'agreement signature date', fr: 'date de signature du contrat' },
  complianceTrainingOn: { en: 'compliance training date', fr: 'date de la formation conformité' },
  trainingOn: { en: 'training date', fr: 'date de formation' },
  examOn: { en: 'exam date', fr: "date d'examen" },
  page: { en: 'page', fr: 'page' },
  number: { en: 'voucher number', fr: 'numéro du bon' },
} satisfies Words<string>;

const OTHER_FIELD = { en: 'another field', fr: 'un autre champ' };

/** The words for an input path such as `attendees.2` or `source.senderEmail`; never the path itself. */
export function fieldWord(path: string, locale: Locale): string {
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  const table: Record<string, Record<Locale, string>> = FIELD_WORDS;
  for (let n = parts.length; n > 0; n--) {
    const hit = table[parts.slice(0, n).join('.')] ?? table[parts[n - 1] ?? ''];
    if (hit) return hit[locale];
  }
  return OTHER_FIELD[locale];
}

function wordOf(table: Record<string, Record<Locale, string>>, key: string, locale: Locale): string {
  return (
    table[key]?.[locale] ??
    key
      .replace(/[_-]+/g, ' ')
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
  );
}

export const actionWord = (a: string, l: Locale): string => wordOf(ACTION_WORDS, a, l);
export const stateWord = (s: string, l: Locale): string => wordOf(STATE_WORDS, s, l);
export const statusWord = (s: string, l: Locale): string => wordOf(STATUS_WORDS, s, l);

/** "a, b and c" / "a, b et c". */
export function listWords(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  const and = locale === 'fr' ? ' et ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items.at(-1) ?? ''}`;
}

/** The roles allowed to act, in words; the system is never named to a person. */
export function rolesWords(roles: readonly string[], locale: Locale): string {
  const people = roles.filter((r) => r !== 'system');
  return listWords(
    people.map((r) => wordOf(ROLE_WORDS, r, locale)),
    locale,
  );
}

/** French "de" before an infinitive phrase, elided before a vowel or a mute h ("d'ajouter"). */
export const deFr = (phrase: string): string => (/^[aeiouyéèêàâîôûh]/i.test(phrase) ? `d'${phrase}` : `de ${phrase}`);
