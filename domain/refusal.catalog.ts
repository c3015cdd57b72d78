import { formatDay as day, formatInstant } from './day-format';
import {
  actionWord,
  deFr,
  fieldWord,
  listWords,
  rolesWords,
  stateWord,
  statusWord,
  type ActionCode,
  type Locale,
  type RoleWord,
} from './words';

/**
 * The one catalog of expected failures (STYLE.md §6): a stable code, typed parameters and an
 * English and French reason that tells the user what to do next. Internal names (actions, roles,
 * states, fields) are parameters and are put in words here, never shown as they are.
 */
/** A calendar day as `YYYY-MM-DD`; the texts put it in the reader's words (domain/day-format.ts). */
type D = string;
export interface RefusalParams {
  INVALID_INPUT: { fields: string[] };
  DATE_OUT_OF_RANGE: { field: string; date: D; earliest: D; latest: D };
  NOT_PERMITTED: { action: ActionCode; roles: RoleWord[] };
  PARTNER_NOT_FOUND: { partner: string };
  PERSON_NOT_FOUND: { aadObjectId: string };
  VOUCHER_NOT_FOUND: { voucher: string };
  VOUCHER_CHANGED: { number: string; expected: string; state: string };
  VOUCHER_ADMIN_MISMATCH: { number: string };
  VOUCHER_ADMIN_EMAIL_MISSING: { number: string };
  VOUCHER_NOT_VALIDATED: { number: string };
  VOUCHER_NEEDS_CONFIRMATION: { number: string; sender: string };
  VOUCHER_EXPIRED: { number: string; expiresOn: D };
  VOUCHER_ALREADY_RESERVED: { number: string; state: string };
  VOUCHER_WRONG_STATE: { number: string; state: string; action: ActionCode };
  VOUCHER_PROGRAM_UNKNOWN: { number: string };
  VOUCHER_DAYS_INVALID: { number: string; days: number | null };
  VOUCHER_CUSTOMER_UNKNOWN: { number: string };
  ASSIGNED_IN_FUTURE: { number: string; assignedOn: D };
  EXPIRY_BEFORE_ASSIGNMENT: { number: string; assignedOn: D; expiresOn: D };
  EXPIRY_TOO_LATE: { number: string; expiresOn: D; latest: D };
  CORRECTION_NOT_PERMITTED: { number: string };
  CORRECTION_NEEDS_CANCELLATION: { number: string; field: string; state: string };
  NOTHING_TO_CORRECT: { number: string };
  CORRECTION_TOO_LATE: { number: string; state: string };
  APPROVAL_PENDING: { number: string };
  CONCURRENT_UPDATE: { number: string };
  TERMS_NOT_ACCEPTED: { program: string };
  ENGAGEMENT_ALREADY_STARTED: { number: string; start: D };
  ENGAGEMENT_ENDS_AFTER_EXPIRY: { number: string; end: D; expiresOn: D };
  ENGAGEMENT_STARTS_AFTER_EXPIRY: { number: string; start: D; expiresOn: D };
  SCHEDULE_END_BEFORE_START: { start: D; end: D };
  LOCATION_NOT_FOUND: { locationId: string };
  LOCATION_COUNTRY_MISMATCH: { locationId: string; locationCountry: string; engagementCountry: string };
  LOCATION_NOT_APPROVED: { locationId: string; program: string };
  NOT_LOCATION_CONTACT: { locationId: string };
  /** The location's country would change while it holds vouchers between reservation and claim. */
  LOCATION_IN_USE: { locationId: string; country: string; count: number };
  ENROLLMENT_MISSING: { program: string };
  ENROLLMENT_LAPSED: { program: string; renewBy: D };
  ELIGIBILITY_NOT_ACTIVE: { program: string; status: string };
  FIFTEEN_DAY_RULE: { program: string; customerName: string; otherNumber: string };
  CONSULTANT_NOT_QUALIFIED: { consultant: string; program: string };
  DELIVERED_IN_FUTURE: { deliveredOn: D };
  DELIVERED_BEFORE_START: { deliveredOn: D; start: D };
  COMPLETION_REPORT_MISSING: { number: string };
  DELIVERABLE_MISSING: { number: string };
  CLAIM_WINDOW_CLOSED: { number: string; redeemedOn: D; deadline: D };
  DAY_RATE_UNKNOWN: { country: string };
  PAID_BEFORE_CLAIM: { paidOn: D; submittedOn: D };
  PAID_IN_FUTURE: { paidOn: D };
  APPROVAL_NOT_FOUND: { approvalId: string };
  /** `decidedBy`: the name of the person who decided, when known; `decidedOn`: an ISO instant. */
  APPROVAL_ALREADY_DECIDED: { approvalId: string; status: string; decidedBy?: string | null; decidedOn?: string | null };
  APPROVAL_EXPIRED: { approvalId: string };
  NOT_AN_APPROVER: { approvalId: string };
  SELF_APPROVAL_NOT_ALLOWED: { approvalId: string };
  APPROVAL_KIND_UNSUPPORTED: { approvalId: string };
  FILE_TYPE_NOT_ALLOWED: { fileName: string; allowed: string[] };
  FILE_TOO_LARGE: { fileName: string; size: number; maxBytes: number };
  FILE_EMPTY: { fileName: string };
  LINK_NOT_ALLOWED: { url: string };
  DELIVERABLE_NOT_FOUND: { deliverableId: string };
  PROGRAM_NOT_ENROLLED: { program: string };
  ELIGIBILITY_ITEM_UNKNOWN: { program: string; item: string };
  LAST_ADMIN: { name: string };
}
export type RefusalCode = keyof RefusalParams;

/**
 * Parameters whose value comes from a person or an email (typed text, a forwarded email's
 * fields, a person's name, a file name, a link). `reasonOf` passes them through the caller's
 * card-safe function before they are put in a sentence; every other parameter is a code, a
 * date, a number or a value the domain checked against a pattern.
 */
export const USER_PROVIDED: { [C in RefusalCode]?: readonly (keyof RefusalParams[C])[] } = {
  PERSON_NOT_FOUND: ['aadObjectId'],
  VOUCHER_NOT_FOUND: ['voucher'],
  VOUCHER_NEEDS_CONFIRMATION: ['sender'],
  LOCATION_NOT_FOUND: ['locationId'],
  LOCATION_COUNTRY_MISMATCH: ['locationId'],
  LOCATION_NOT_APPROVED: ['locationId'],
  NOT_LOCATION_CONTACT: ['locationId'],
  LOCATION_IN_USE: ['locationId'],
  FIFTEEN_DAY_RULE: ['customerName'],
  CONSULTANT_NOT_QUALIFIED: ['consultant'],
  APPROVAL_ALREADY_DECIDED: ['decidedBy'],
  FILE_TYPE_NOT_ALLOWED: ['fileName'],
  FILE_TOO_LARGE: ['fileName'],
  FILE_EMPTY: ['fileName'],
  LINK_NOT_ALLOWED: ['url'],
  ELIGIBILITY_ITEM_UNKNOWN: ['item'],
  LAST_ADMIN: ['name'],
};

/** A database id (a card's stale reference) is never shown: it means nothing to a person. */
const isId = (s: string): boolean => /^[0-9a-f]{24}$/i.test(s);

type Texts = { [C in RefusalCode]: Record<Locale, (p: RefusalParams[C]) => string> };
const fields = (xs: string[], l: Locale) => listWords([...new Set(xs.map((f) => fieldWord(f, l)))], l);

export const TEXTS: Texts = {
  INVALID_INPUT: {
    en: (p) => `Some fields are missing or invalid: ${fields(p.fields, 'en')}. Correct them and try again.`,
    fr: (p) => `Des champs manquent ou sont invalides : ${fields(p.fields, 'fr')}. Corrigez-les puis réessayez.`,
  },
  DATE_OUT_OF_RANGE: {
    en: (p) =>
      `The ${fieldWord(p.field, 'en')} ${day(p.date, 'en')} is not plausible: dates must fall between ${day(p.earliest, 'en')} and ${day(p.latest, 'en')}. Check the date.`,
    fr: (p) =>
      `La valeur ${day(p.date, 'fr')} (${fieldWord(p.field, 'fr')}) n'est pas plausible : les dates doivent être comprises entre le ${day(p.earliest, 'fr')} et le ${day(p.latest, 'fr')}. Vérifiez la date.`,
  },
  NOT_PERMITTED: {
    en: (p) => `Only ${rolesWords(p.roles, 'en')} can ${actionWord(p.action, 'en')}. Ask a partner admin if you need this.`,
    fr: (p) =>
      `Seuls ${rolesWords(p.roles, 'fr')} peuvent ${actionWord(p.action, 'fr')}. Adressez-vous à un administrateur partenaire si vous en avez besoin.`,
  },
  PARTNER_NOT_FOUND: {
    en: () => `This team is not linked to a partner yet. Ask your partner admin to set it up.`,
    fr: () => `Cette équipe n'est liée à aucun partenaire. Demandez à l'administrateur partenaire de la configurer.`,
  },
  PERSON_NOT_FOUND: {
    en: () => `You are not registered with this partner. Ask your partner admin to add you.`,
    fr: () => `Vous n'êtes pas enregistré chez ce partenaire. Demandez à l'administrateur partenaire de vous ajouter.`,
  },
  VOUCHER_NOT_FOUND: {
    en: (p) =>
      isId(p.voucher)
        ? `This voucher no longer exists. Look it up again by its number.`
        : `No voucher ${p.voucher} was found. Check the number or forward the customer's email.`,
    fr: (p) =>
      isId(p.voucher)
        ? `Ce bon n'existe plus. Recherchez-le de nouveau par son numéro.`
        : `Aucun bon ${p.voucher} trouvé. Vérifiez le numéro ou transférez l'e-mail du client.`,
  },
  VOUCHER_CHANGED: {
    en: (p) =>
      `Voucher ${p.number} changed since you saw it: it is now ${stateWord(p.state, 'en')}, not ${stateWord(p.expected, 'en')}. Look at it again before acting.`,
    fr: (p) =>
      `Le bon ${p.number} a changé depuis votre affichage : il est maintenant ${stateWord(p.state, 'fr')}, et non plus ${stateWord(p.expected, 'fr')}. Consultez-le de nouveau avant d'agir.`,
  },
  VOUCHER_ADMIN_MISMATCH: {
    en: (p) => `The voucher administrator email does not match voucher ${p.number}. Check it with the customer.`,
    fr: (p) => `L'e-mail de l'administrateur ne correspond pas au bon ${p.number}. Vérifiez-le auprès du client.`,
  },
  VOUCHER_ADMIN_EMAIL_MISSING: {
    en: (p) =>
      `No voucher administrator email is on record for ${p.number}, so there is nothing to check it against. Forward the customer's voucher email, or have the administrator's email recorded (correct the voucher), then validate.`,
    fr: (p) =>
      `Aucun e-mail d'administrateur n'est enregistré pour le bon ${p.number} : rien ne permet de le vérifier. Transférez l'e-mail du bon envoyé par le client, ou faites enregistrer l'e-mail de l'administrateur (corriger le bon), puis validez.`,
  },
  VOUCHER_NOT_VALIDATED: {
    en: (p) => `Voucher ${p.number} is not validated yet. Validate it with the voucher administrator's email first.`,
    fr: (p) => `Le bon ${p.number} n'est pas encore validé. Validez-le d'abord avec l'e-mail de l'administrateur du bon.`,
  },
  VOUCHER_NEEDS_CONFIRMATION: {
    en: (p) => `Voucher ${p.number} was forwarded by ${p.sender}, not by its voucher administrator. Validate it to confirm.`,
    fr: (p) => `Le bon ${p.number} a été transféré par ${p.sender}, pas par son administrateur. Validez-le pour confirmer.`,
  },
  VOUCHER_EXPIRED: {
    en: (p) => `Voucher ${p.number} expired on ${day(p.expiresOn, 'en')}. Ask the customer for a new voucher.`,
    fr: (p) => `Le bon ${p.number} a expiré le ${day(p.expiresOn, 'fr')}. Demandez un nouveau bon au client.`,
  },
  VOUCHER_ALREADY_RESERVED: {
    en: (p) => `Voucher ${p.number} is already taken (${stateWord(p.state, 'en')}). Open it to see who holds it.`,
    fr: (p) => `Le bon ${p.number} est déjà pris (${stateWord(p.state, 'fr')}). Ouvrez-le pour voir qui le détient.`,
  },
  VOUCHER_WRONG_STATE: {
    en: (p) =>
      `Voucher ${p.number} is ${stateWord(p.state, 'en')}, so you cannot ${actionWord(p.action, 'en')} now. Open it to see what is possible.`,
    fr: (p) =>
      `Le bon ${p.number} est ${stateWord(p.state, 'fr')} : impossible ${deFr(actionWord(p.action, 'fr'))} maintenant. Ouvrez-le pour voir les actions possibles.`,
  },
  VOUCHER_PROGRAM_UNKNOWN: {
    en: (p) => `The program of voucher ${p.number} is unknown. Pick the program first.`,
    fr: (p) => `Le programme du bon ${p.number} est inconnu. Choisissez d'abord le programme.`,
  },
  VOUCHER_DAYS_INVALID: {
    en: (p) => `Voucher ${p.number} has ${p.days ?? 'no'} days; it must be 1, 3, 5, 10 or 15. Correct the days first.`,
    fr: (p) =>
      (p.days === null ? `Le bon ${p.number} n'a aucun nombre de jours ;` : `Le bon ${p.number} a ${p.days} jour(s) ;`) +
      ` il en faut 1, 3, 5, 10 ou 15. Corrigez d'abord le nombre de jours.`,
  },
  VOUCHER_CUSTOMER_UNKNOWN: {
    en: (p) =>
      `The customer of 15-day voucher ${p.number} is unknown, so the one-15-day-engagement rule cannot be checked. Enter the customer name or agreement number first.`,
    fr: (p) =>
      `Le client du bon de 15 jours ${p.number} est inconnu : la règle d'une seule mission de 15 jours ne peut pas être vérifiée. Saisissez d'abord le nom du client ou le numéro de contrat.`,
  },
  ASSIGNED_IN_FUTURE: {
    en: (p) =>
      `Voucher ${p.number} cannot have been assigned on ${day(p.assignedOn, 'en')}, a day still to come. Check the assignment date.`,
    fr: (p) =>
      `Le bon ${p.number} ne peut pas avoir été attribué le ${day(p.assignedOn, 'fr')}, un jour encore à venir. Vérifiez la date d'attribution.`,
  },
  EXPIRY_BEFORE_ASSIGNMENT: {
    en: (p) =>
      `Voucher ${p.number} would expire on ${day(p.expiresOn, 'en')}, before its assignment on ${day(p.assignedOn, 'en')}. Check both dates.`,
    fr: (p) =>
      `Le bon ${p.number} expirerait le ${day(p.expiresOn, 'fr')}, avant son attribution le ${day(p.assignedOn, 'fr')}. Vérifiez les deux dates.`,
  },
  EXPIRY_TOO_LATE: {
    en: (p) =>
      `Voucher ${p.number} cannot expire on ${day(p.expiresOn, 'en')}: a voucher expires 180 days after it is assigned, so no later than ${day(p.latest, 'en')}. Check the expiry date, or enter the assignment date.`,
    fr: (p) =>
      `Le bon ${p.number} ne peut pas expirer le ${day(p.expiresOn, 'fr')} : un bon expire 180 jours après son attribution, donc au plus tard le ${day(p.latest, 'fr')}. Vérifiez la date d'expiration ou saisissez la date d'attribution.`,
  },
  CORRECTION_NOT_PERMITTED: {
    en: (p) => `Only partner admins and the staff member who holds voucher ${p.number} can correct it. Ask one of them.`,
    fr: (p) =>
      `Seuls les administrateurs partenaires et la personne qui détient le bon ${p.number} peuvent le corriger. Adressez-vous à l'un d'eux.`,
  },
  CORRECTION_NEEDS_CANCELLATION: {
    en: (p) =>
      `The ${fieldWord(p.field, 'en')} of voucher ${p.number} cannot change while it is ${stateWord(p.state, 'en')}: the reservation was checked against it. Cancel the reservation, correct the voucher, then reserve it again.`,
    fr: (p) =>
      `Le champ « ${fieldWord(p.field, 'fr')} » du bon ${p.number} ne peut pas changer tant qu'il est ${stateWord(p.state, 'fr')} : la réservation a été vérifiée avec cette valeur. Annulez la réservation, corrigez le bon, puis réservez-le de nouveau.`,
  },
  CORRECTION_TOO_LATE: {
    en: (p) =>
      `Voucher ${p.number} is ${stateWord(p.state, 'en')}: the engagement was delivered and reported with these details, so they can no longer be corrected.`,
    fr: (p) =>
      `Le bon ${p.number} est ${stateWord(p.state, 'fr')} : la mission a été livrée et déclarée avec ces informations, qui ne peuvent plus être corrigées.`,
  },
  NOTHING_TO_CORRECT: {
    en: (p) => `Nothing to correct on voucher ${p.number}: the values given are the ones on record.`,
    fr: (p) => `Rien à corriger sur le bon ${p.number} : les valeurs données sont déjà enregistrées.`,
  },
  APPROVAL_PENDING: {
    en: (p) => `An approval is pending on voucher ${p.number}. Wait for the manager's decision.`,
    fr: (p) => `Une approbation est en attente sur le bon ${p.number}. Attendez la décision du responsable.`,
  },
  CONCURRENT_UPDATE: {
    en: (p) => `Someone changed voucher ${p.number} at the same time. Open it again and retry.`,
    fr: (p) => `Quelqu'un a modifié le bon ${p.number} au même moment. Ouvrez-le de nouveau puis réessayez.`,
  },
  TERMS_NOT_ACCEPTED: {
    en: (p) => `You must accept the ${p.program} program terms to reserve.`,
    fr: (p) => `Vous devez accepter les conditions du programme ${p.program} pour réserver.`,
  },
  ENGAGEMENT_ALREADY_STARTED: {
    en: (p) =>
      `The engagement of ${p.number} starts ${day(p.start, 'en')}; a voucher must be reserved before the engagement starts. Pick a later start.`,
    fr: (p) =>
      `La mission du bon ${p.number} commence le ${day(p.start, 'fr')} ; le bon doit être réservé avant le début. Choisissez une date plus tardive.`,
  },
  ENGAGEMENT_ENDS_AFTER_EXPIRY: {
    en: (p) =>
      `The engagement of ${p.number} ends ${day(p.end, 'en')}, after the voucher expires on ${day(p.expiresOn, 'en')}. End it earlier.`,
    fr: (p) =>
      `La mission du bon ${p.number} finit le ${day(p.end, 'fr')}, après l'expiration du ${day(p.expiresOn, 'fr')}. Terminez-la plus tôt.`,
  },
  ENGAGEMENT_STARTS_AFTER_EXPIRY: {
    en: (p) =>
      `The engagement of ${p.number} would start ${day(p.start, 'en')}, after the voucher expires on ${day(p.expiresOn, 'en')}. Start and end it by then.`,
    fr: (p) =>
      `La mission du bon ${p.number} commencerait le ${day(p.start, 'fr')}, après l'expiration du ${day(p.expiresOn, 'fr')}. Commencez-la et terminez-la avant.`,
  },
  SCHEDULE_END_BEFORE_START: {
    en: (p) => `The end (${day(p.end, 'en')}) is before the start (${day(p.start, 'en')}). Fix the dates.`,
    fr: (p) => `La fin (${day(p.end, 'fr')}) précède le début (${day(p.start, 'fr')}). Corrigez les dates.`,
  },
  LOCATION_NOT_FOUND: {
    en: (p) => `Location ${p.locationId} does not exist. Pick one of your locations.`,
    fr: (p) => `Le site ${p.locationId} n'existe pas. Choisissez l'un de vos sites.`,
  },
  LOCATION_COUNTRY_MISMATCH: {
    en: (p) =>
      `Location ${p.locationId} is in ${p.locationCountry} but the engagement is in ${p.engagementCountry}. Use a location in ${p.engagementCountry}.`,
    fr: (p) =>
      `Le site ${p.locationId} est dans le pays ${p.locationCountry} mais la mission a lieu dans le pays ${p.engagementCountry}. Utilisez un site de ce pays.`,
  },
  LOCATION_NOT_APPROVED: {
    en: (p) => `Location ${p.locationId} is not approved for ${p.program}. Enroll it or use another location.`,
    fr: (p) => `Le site ${p.locationId} n'est pas approuvé pour ${p.program}. Inscrivez-le ou utilisez un autre site.`,
  },
  LOCATION_IN_USE: {
    en: (p) =>
      `Location ${p.locationId} holds ${p.count} voucher(s) between reservation and claim in ${p.country}, which must be claimed under a location of that country, so its country cannot change now. Add a new location for the other country instead.`,
    fr: (p) =>
      `Le site ${p.locationId} détient ${p.count} bon(s) entre réservation et demande de paiement dans le pays ${p.country}, qui doivent être réclamés sous un site de ce pays : son pays ne peut donc pas changer maintenant. Ajoutez plutôt un nouveau site pour l'autre pays.`,
  },
  NOT_LOCATION_CONTACT: {
    en: (p) => `You are not a contact of location ${p.locationId}, which holds this voucher. Ask one of its contacts or a partner admin.`,
    fr: (p) =>
      `Vous n'êtes pas contact du site ${p.locationId}, qui détient ce bon. Adressez-vous à l'un de ses contacts ou à un administrateur partenaire.`,
  },
  ENROLLMENT_MISSING: {
    en: (p) => `The partner is not enrolled in ${p.program}. Enroll first.`,
    fr: (p) => `Le partenaire n'est pas inscrit à ${p.program}. Inscrivez-vous d'abord.`,
  },
  ENROLLMENT_LAPSED: {
    en: (p) => `The ${p.program} enrollment had to be renewed by ${day(p.renewBy, 'en')}. Renew it first.`,
    fr: (p) => `L'inscription ${p.program} devait être renouvelée au plus tard le ${day(p.renewBy, 'fr')}. Renouvelez-la d'abord.`,
  },
  ELIGIBILITY_NOT_ACTIVE: {
    en: (p) => `Eligibility for ${p.program} is ${statusWord(p.status, 'en')}. Complete its checklist first.`,
    fr: (p) => `L'éligibilité à ${p.program} est ${statusWord(p.status, 'fr')}. Terminez d'abord sa liste de contrôle.`,
  },
  FIFTEEN_DAY_RULE: {
    en: (p) =>
      `${p.customerName} already has a 15-day ${p.program} engagement (${p.otherNumber}). Reserve only if it covers another division or other products, and say which.`,
    fr: (p) =>
      `${p.customerName} a déjà une mission ${p.program} de 15 jours (${p.otherNumber}). Réservez seulement pour une autre division ou d'autres produits, en précisant lesquels.`,
  },
  CONSULTANT_NOT_QUALIFIED: {
    en: (p) => `${p.consultant} has not passed the ${p.program} training and exam. Pick a qualified consultant.`,
    fr: (p) => `${p.consultant} n'a pas la formation et l'examen ${p.program}. Choisissez un consultant qualifié.`,
  },
  DELIVERED_IN_FUTURE: {
    en: (p) => `The delivery date ${day(p.deliveredOn, 'en')} is in the future. Report completion once delivered.`,
    fr: (p) => `La date de livraison ${day(p.deliveredOn, 'fr')} est dans le futur. Déclarez la fin une fois la mission livrée.`,
  },
  DELIVERED_BEFORE_START: {
    en: (p) =>
      `The delivery date ${day(p.deliveredOn, 'en')} is before the scheduled start ${day(p.start, 'en')}. Fix the date or the schedule.`,
    fr: (p) =>
      `La date de livraison ${day(p.deliveredOn, 'fr')} précède le début prévu ${day(p.start, 'fr')}. Corrigez la date ou le planning.`,
  },
  COMPLETION_REPORT_MISSING: {
    en: (p) => `Voucher ${p.number} has no completion report yet. Submit it (the engagement must be delivered) before asking to redeem.`,
    fr: (p) =>
      `Le bon ${p.number} n'a pas encore de rapport de fin de mission. Soumettez-le (la mission doit être livrée) avant de demander l'échange.`,
  },
  DELIVERABLE_MISSING: {
    en: (p) => `Voucher ${p.number} has no customer planning deliverable. Upload it or link it before redemption.`,
    fr: (p) => `Le bon ${p.number} n'a pas de livrable client. Téléversez-le ou liez-le avant l'échange.`,
  },
  CLAIM_WINDOW_CLOSED: {
    en: (p) =>
      `Voucher ${p.number} was redeemed on ${day(p.redeemedOn, 'en')}; the claim had to be created by ${day(p.deadline, 'en')}. Contact Microsoft partner support.`,
    fr: (p) =>
      `Le bon ${p.number} a été échangé le ${day(p.redeemedOn, 'fr')} ; la demande de paiement devait être créée au plus tard le ${day(p.deadline, 'fr')}. Contactez le support partenaire Microsoft.`,
  },
  DAY_RATE_UNKNOWN: {
    en: (p) => `No day rate is known for ${p.country}. Add it to the program catalog.`,
    fr: (p) => `Aucun tarif journalier connu pour le pays ${p.country}. Ajoutez-le au catalogue des programmes.`,
  },
  PAID_BEFORE_CLAIM: {
    en: (p) => `The payment date ${day(p.paidOn, 'en')} is before the claim date ${day(p.submittedOn, 'en')}. Fix the date.`,
    fr: (p) => `La date de paiement ${day(p.paidOn, 'fr')} précède la demande du ${day(p.submittedOn, 'fr')}. Corrigez la date.`,
  },
  PAID_IN_FUTURE: {
    en: (p) => `The payment date ${day(p.paidOn, 'en')} is in the future. Mark the claim paid once Microsoft has paid.`,
    fr: (p) => `La date de paiement ${day(p.paidOn, 'fr')} est dans le futur. Marquez la demande payée une fois le paiement reçu.`,
  },
  APPROVAL_NOT_FOUND: {
    en: () => `This approval no longer exists. Open the voucher to see where it stands.`,
    fr: () => `Cette approbation n'existe plus. Ouvrez le bon pour voir où il en est.`,
  },
  APPROVAL_ALREADY_DECIDED: {
    en: (p) =>
      `This request was already ${statusWord(p.status, 'en')}${p.decidedBy ? ` by ${p.decidedBy}` : ''}${p.decidedOn ? ` on ${formatInstant(p.decidedOn, 'en')}` : ''}. Nothing more to do.`,
    fr: (p) =>
      `Cette demande a déjà été ${statusWord(p.status, 'fr')}${p.decidedBy ? ` par ${p.decidedBy}` : ''}${p.decidedOn ? ` le ${formatInstant(p.decidedOn, 'fr')}` : ''}. Il n'y a plus rien à faire.`,
  },
  APPROVAL_EXPIRED: {
    en: () => `This approval expired. Ask for a new one.`,
    fr: () => `Cette approbation a expiré. Faites une nouvelle demande.`,
  },
  NOT_AN_APPROVER: { en: () => `You are not an approver of this request.`, fr: () => `Vous n'êtes pas approbateur de cette demande.` },
  APPROVAL_KIND_UNSUPPORTED: {
    en: () => `This request is not one a manager can approve here (only reservations and redemptions are); nothing was changed.`,
    fr: () =>
      `Cette demande n'est pas de celles qu'un responsable peut approuver ici (seules les réservations et les échanges le sont) ; rien n'a été modifié.`,
  },
  SELF_APPROVAL_NOT_ALLOWED: {
    en: () =>
      `You made this request, so another manager must decide it. Ask a second manager, or ask your partner admin to allow managers to approve their own requests.`,
    fr: () =>
      `Vous avez fait cette demande : un autre responsable doit la décider. Demandez à un second responsable, ou demandez à l'administrateur partenaire d'autoriser l'auto-approbation.`,
  },
  FILE_TYPE_NOT_ALLOWED: {
    en: (p) => `${p.fileName} is not an allowed type. Upload one of: ${p.allowed.join(', ')}.`,
    fr: (p) => `${p.fileName} n'est pas d'un type autorisé. Téléversez l'un de : ${p.allowed.join(', ')}.`,
  },
  FILE_TOO_LARGE: {
    en: (p) => `${p.fileName} is ${p.size} bytes; the limit is ${p.maxBytes}. Share a SharePoint link instead.`,
    fr: (p) => `${p.fileName} fait ${p.size} octets ; la limite est ${p.maxBytes}. Partagez plutôt un lien SharePoint.`,
  },
  FILE_EMPTY: {
    en: (p) => `${p.fileName} is empty. Upload the actual document.`,
    fr: (p) => `${p.fileName} est vide. Téléversez le vrai document.`,
  },
  LINK_NOT_ALLOWED: {
    en: () => `Only https links to SharePoint or OneDrive are accepted. Share the document from there.`,
    fr: () => `Seuls les liens https vers SharePoint ou OneDrive sont acceptés. Partagez le document depuis là.`,
  },
  DELIVERABLE_NOT_FOUND: {
    en: () => `This deliverable no longer exists. Open the voucher again.`,
    fr: () => `Ce livrable n'existe plus. Ouvrez de nouveau le bon.`,
  },
  PROGRAM_NOT_ENROLLED: {
    en: (p) => `You are not enrolled in ${p.program}, so it cannot be offered. Enroll first.`,
    fr: (p) => `Vous n'êtes pas inscrit à ${p.program} : impossible de le proposer. Inscrivez-vous d'abord.`,
  },
  ELIGIBILITY_ITEM_UNKNOWN: {
    en: (p) => `${p.item} is not on the ${p.program} checklist.`,
    fr: (p) => `${p.item} ne figure pas dans la liste de contrôle ${p.program}.`,
  },
  LAST_ADMIN: {
    en: (p) => `${p.name} is the partner's only admin, so they cannot be removed or lose the admin role. Add another admin first.`,
    fr: (p) =>
      `${p.name} est le seul administrateur du partenaire : impossible de le retirer ou de lui enlever ce rôle. Ajoutez d'abord un autre administrateur.`,
  },
};
