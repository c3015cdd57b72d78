import type { z } from 'zod';

/**
 * The one catalog of expected failures (STYLE.md §6): a stable code, typed parameters and an
 * English and French reason that tells the user what to do next.
 */
type D = string;
export interface RefusalParams {
  INVALID_INPUT: { fields: string[] };
  NOT_PERMITTED: { action: string; roles: string[] };
  PARTNER_NOT_FOUND: { partner: string };
  PERSON_NOT_FOUND: { aadObjectId: string };
  VOUCHER_NOT_FOUND: { voucher: string };
  VOUCHER_ADMIN_MISMATCH: { number: string };
  VOUCHER_NOT_VALIDATED: { number: string };
  VOUCHER_NEEDS_CONFIRMATION: { number: string; sender: string };
  VOUCHER_EXPIRED: { number: string; expiresOn: D };
  VOUCHER_ALREADY_RESERVED: { number: string; state: string };
  VOUCHER_WRONG_STATE: { number: string; state: string; action: string };
  VOUCHER_PROGRAM_UNKNOWN: { number: string };
  VOUCHER_DAYS_INVALID: { number: string; days: number | null };
  VOUCHER_CUSTOMER_UNKNOWN: { number: string };
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
  APPROVAL_ALREADY_DECIDED: { approvalId: string; status: string };
  APPROVAL_EXPIRED: { approvalId: string };
  NOT_AN_APPROVER: { approvalId: string };
  FILE_TYPE_NOT_ALLOWED: { fileName: string; allowed: string[] };
  FILE_TOO_LARGE: { fileName: string; size: number; maxBytes: number };
  FILE_EMPTY: { fileName: string };
  LINK_NOT_ALLOWED: { url: string };
  DELIVERABLE_NOT_FOUND: { deliverableId: string };
  PROGRAM_NOT_ENROLLED: { program: string };
  ELIGIBILITY_ITEM_UNKNOWN: { program: string; item: string };
}
export type RefusalCode = keyof RefusalParams;
export type Locale = 'en' | 'fr';

type Texts = { [C in RefusalCode]: Record<Locale, (p: RefusalParams[C]) => string> };

const list = (xs: string[]): string => xs.join(', ');

const TEXTS: Texts = {
  INVALID_INPUT: { en: (p) => `Some fields are missing or invalid: ${list(p.fields)}. Correct them and try again.`, fr: (p) => `Des champs manquent ou sont invalides : ${list(p.fields)}. Corrigez-les puis réessayez.` },
  NOT_PERMITTED: { en: (p) => `Only ${list(p.roles)} may ${p.action}. Ask your partner admin for the role.`, fr: (p) => `Seuls les rôles ${list(p.roles)} peuvent faire « ${p.action} ». Demandez ce rôle à l'administrateur partenaire.` },
  PARTNER_NOT_FOUND: { en: () => `This team is not linked to a partner yet. Ask your partner admin to set it up.`, fr: () => `Cette équipe n'est liée à aucun partenaire. Demandez à l'administrateur partenaire de la configurer.` },
  PERSON_NOT_FOUND: { en: () => `You are not registered with this partner. Ask your partner admin to add you.`, fr: () => `Vous n'êtes pas enregistré chez ce partenaire. Demandez à l'administrateur partenaire de vous ajouter.` },
  VOUCHER_NOT_FOUND: { en: (p) => `No voucher ${p.voucher} was found. Check the number or forward the customer's email.`, fr: (p) => `Aucun voucher ${p.voucher} trouvé. Vérifiez le numéro ou transférez l'e-mail du client.` },
  VOUCHER_ADMIN_MISMATCH: { en: (p) => `The voucher administrator email does not match voucher ${p.number}. Check it with the customer.`, fr: (p) => `L'e-mail de l'administrateur ne correspond pas au voucher ${p.number}. Vérifiez-le auprès du client.` },
  VOUCHER_NOT_VALIDATED: { en: (p) => `Voucher ${p.number} is not validated yet. Validate it with the voucher administrator's email first.`, fr: (p) => `Le voucher ${p.number} n'est pas encore validé. Validez-le d'abord avec l'e-mail de l'administrateur.` },
  VOUCHER_NEEDS_CONFIRMATION: { en: (p) => `Voucher ${p.number} was forwarded by ${p.sender}, not by its voucher administrator. Validate it to confirm.`, fr: (p) => `Le voucher ${p.number} a été transféré par ${p.sender}, pas par son administrateur. Validez-le pour confirmer.` },
  VOUCHER_EXPIRED: { en: (p) => `Voucher ${p.number} expired on ${p.expiresOn}. Ask the customer for a new voucher.`, fr: (p) => `Le voucher ${p.number} a expiré le ${p.expiresOn}. Demandez un nouveau voucher au client.` },
  VOUCHER_ALREADY_RESERVED: { en: (p) => `Voucher ${p.number} is already reserved (${p.state}). Open it to see who holds it.`, fr: (p) => `Le voucher ${p.number} est déjà réservé (${p.state}). Ouvrez-le pour voir qui le détient.` },
  VOUCHER_WRONG_STATE: { en: (p) => `Voucher ${p.number} is ${p.state}, so it cannot ${p.action}. Refresh it to see what is possible.`, fr: (p) => `Le voucher ${p.number} est à l'état ${p.state} : impossible de faire « ${p.action} ». Actualisez-le pour voir les actions possibles.` },
  VOUCHER_PROGRAM_UNKNOWN: { en: (p) => `The program of voucher ${p.number} is unknown. Pick the program first.`, fr: (p) => `Le programme du voucher ${p.number} est inconnu. Choisissez d'abord le programme.` },
  VOUCHER_DAYS_INVALID: { en: (p) => `Voucher ${p.number} has ${p.days ?? 'no'} days; it must be 1, 3, 5, 10 or 15. Correct the days first.`, fr: (p) => (p.days === null ? `Le voucher ${p.number} n'a aucun nombre de jours ;` : `Le voucher ${p.number} a ${p.days} jour(s) ;`) + ` il en faut 1, 3, 5, 10 ou 15. Corrigez d'abord le nombre de jours.` },
  VOUCHER_CUSTOMER_UNKNOWN: { en: (p) => `The customer of 15-day voucher ${p.number} is unknown, so the one-15-day-engagement rule cannot be checked. Enter the customer name first.`, fr: (p) => `Le client du voucher de 15 jours ${p.number} est inconnu : la règle d'une seule mission de 15 jours ne peut pas être vérifiée. Saisissez d'abord le nom du client.` },
  APPROVAL_PENDING: { en: (p) => `An approval is pending on voucher ${p.number}. Wait for the manager's decision.`, fr: (p) => `Une approbation est en attente sur le voucher ${p.number}. Attendez la décision du responsable.` },
  CONCURRENT_UPDATE: { en: (p) => `Someone changed voucher ${p.number} at the same time. Refresh it and try again.`, fr: (p) => `Quelqu'un a modifié le voucher ${p.number} au même moment. Actualisez-le puis réessayez.` },
  TERMS_NOT_ACCEPTED: { en: (p) => `You must accept the ${p.program} program terms to reserve.`, fr: (p) => `Vous devez accepter les conditions du programme ${p.program} pour réserver.` },
  ENGAGEMENT_ALREADY_STARTED: { en: (p) => `The engagement of ${p.number} starts ${p.start}; a voucher must be reserved before the engagement starts. Pick a later start.`, fr: (p) => `La mission du ${p.number} commence le ${p.start} ; le voucher doit être réservé avant le début. Choisissez une date plus tardive.` },
  ENGAGEMENT_ENDS_AFTER_EXPIRY: { en: (p) => `The engagement of ${p.number} ends ${p.end}, after the voucher expires on ${p.expiresOn}. End it earlier.`, fr: (p) => `La mission du ${p.number} finit le ${p.end}, après l'expiration du ${p.expiresOn}. Terminez-la plus tôt.` },
  ENGAGEMENT_STARTS_AFTER_EXPIRY: { en: (p) => `The engagement of ${p.number} would start ${p.start}, after the voucher expires on ${p.expiresOn}. Start and end it by then.`, fr: (p) => `La mission du ${p.number} commencerait le ${p.start}, après l'expiration du ${p.expiresOn}. Commencez-la et terminez-la avant.` },
  SCHEDULE_END_BEFORE_START: { en: (p) => `The end (${p.end}) is before the start (${p.start}). Fix the dates.`, fr: (p) => `La fin (${p.end}) précède le début (${p.start}). Corrigez les dates.` },
  LOCATION_NOT_FOUND: { en: (p) => `Location ${p.locationId} does not exist. Pick one of your locations.`, fr: (p) => `Le site ${p.locationId} n'existe pas. Choisissez l'un de vos sites.` },
  LOCATION_COUNTRY_MISMATCH: { en: (p) => `Location ${p.locationId} is in ${p.locationCountry} but the engagement is in ${p.engagementCountry}. Use a location in ${p.engagementCountry}.`, fr: (p) => `Le site ${p.locationId} est en ${p.locationCountry} mais la mission a lieu en ${p.engagementCountry}. Utilisez un site en ${p.engagementCountry}.` },
  LOCATION_NOT_APPROVED: { en: (p) => `Location ${p.locationId} is not approved for ${p.program}. Enroll it or use another location.`, fr: (p) => `Le site ${p.locationId} n'est pas approuvé pour ${p.program}. Inscrivez-le ou utilisez un autre site.` },
  NOT_LOCATION_CONTACT: { en: (p) => `You are not a contact of location ${p.locationId}. Ask a contact or your partner admin.`, fr: (p) => `Vous n'êtes pas contact du site ${p.locationId}. Demandez à un contact ou à l'administrateur partenaire.` },
  ENROLLMENT_MISSING: { en: (p) => `The partner is not enrolled in ${p.program}. Enroll first.`, fr: (p) => `Le partenaire n'est pas inscrit à ${p.program}. Inscrivez-vous d'abord.` },
  ENROLLMENT_LAPSED: { en: (p) => `The ${p.program} enrollment had to be renewed by ${p.renewBy}. Renew it first.`, fr: (p) => `L'inscription ${p.program} devait être renouvelée au plus tard le ${p.renewBy}. Renouvelez-la d'abord.` },
  ELIGIBILITY_NOT_ACTIVE: { en: (p) => `Eligibility for ${p.program} is ${p.status}. Complete its checklist first.`, fr: (p) => `L'éligibilité à ${p.program} est ${p.status}. Terminez d'abord sa liste de contrôle.` },
  FIFTEEN_DAY_RULE: { en: (p) => `${p.customerName} already has a 15-day ${p.program} engagement (${p.otherNumber}). Reserve only if it covers another division or other products, and say which.`, fr: (p) => `${p.customerName} a déjà une mission ${p.program} de 15 jours (${p.otherNumber}). Réservez seulement pour une autre division ou d'autres produits, en précisant lesquels.` },
  CONSULTANT_NOT_QUALIFIED: { en: (p) => `${p.consultant} has not passed the ${p.program} training and exam. Pick a qualified consultant.`, fr: (p) => `${p.consultant} n'a pas la formation et l'examen ${p.program}. Choisissez un consultant qualifié.` },
  DELIVERED_IN_FUTURE: { en: (p) => `The delivery date ${p.deliveredOn} is in the future. Report completion once delivered.`, fr: (p) => `La date de livraison ${p.deliveredOn} est dans le futur. Déclarez la fin une fois la mission livrée.` },
  DELIVERED_BEFORE_START: { en: (p) => `The delivery date ${p.deliveredOn} is before the scheduled start ${p.start}. Fix the date or the schedule.`, fr: (p) => `La date de livraison ${p.deliveredOn} précède le début prévu ${p.start}. Corrigez la date ou le planning.` },
  COMPLETION_REPORT_MISSING: { en: (p) => `Voucher ${p.number} has no completion report. Submit it before redemption.`, fr: (p) => `Le voucher ${p.number} n'a pas de rapport de fin de mission. Soumettez-le avant l'utilisation.` },
  DELIVERABLE_MISSING: { en: (p) => `Voucher ${p.number} has no customer planning deliverable. Upload it or link it before redemption.`, fr: (p) => `Le voucher ${p.number} n'a pas de livrable client. Téléversez-le ou liez-le avant l'utilisation.` },
  CLAIM_WINDOW_CLOSED: { en: (p) => `Voucher ${p.number} was redeemed on ${p.redeemedOn}; the claim had to be created by ${p.deadline}. Contact Microsoft partner support.`, fr: (p) => `Le voucher ${p.number} a été utilisé le ${p.redeemedOn} ; la demande de paiement devait être créée au plus tard le ${p.deadline}. Contactez le support partenaire Microsoft.` },
  DAY_RATE_UNKNOWN: { en: (p) => `No day rate is known for ${p.country}. Add it to the program catalog.`, fr: (p) => `Aucun tarif journalier pour ${p.country}. Ajoutez-le au catalogue des programmes.` },
  PAID_BEFORE_CLAIM: { en: (p) => `The payment date ${p.paidOn} is before the claim date ${p.submittedOn}. Fix the date.`, fr: (p) => `La date de paiement ${p.paidOn} précède la demande du ${p.submittedOn}. Corrigez la date.` },
  PAID_IN_FUTURE: { en: (p) => `The payment date ${p.paidOn} is in the future. Mark the claim paid once Microsoft has paid.`, fr: (p) => `La date de paiement ${p.paidOn} est dans le futur. Marquez la demande payée une fois le paiement reçu.` },
  APPROVAL_NOT_FOUND: { en: () => `This approval no longer exists. Refresh the card.`, fr: () => `Cette approbation n'existe plus. Actualisez la carte.` },
  APPROVAL_ALREADY_DECIDED: { en: (p) => `This approval is already ${p.status}. Refresh the card to see the decision.`, fr: (p) => `Cette approbation est déjà ${p.status}. Actualisez la carte pour voir la décision.` },
  APPROVAL_EXPIRED: { en: () => `This approval expired. Ask for a new one.`, fr: () => `Cette approbation a expiré. Faites une nouvelle demande.` },
  NOT_AN_APPROVER: { en: () => `You are not an approver of this request.`, fr: () => `Vous n'êtes pas approbateur de cette demande.` },
  FILE_TYPE_NOT_ALLOWED: { en: (p) => `${p.fileName} is not an allowed type. Upload one of: ${list(p.allowed)}.`, fr: (p) => `${p.fileName} n'est pas d'un type autorisé. Téléversez l'un de : ${list(p.allowed)}.` },
  FILE_TOO_LARGE: { en: (p) => `${p.fileName} is ${p.size} bytes; the limit is ${p.maxBytes}. Share a SharePoint link instead.`, fr: (p) => `${p.fileName} fait ${p.size} octets ; la limite est ${p.maxBytes}. Partagez plutôt un lien SharePoint.` },
  FILE_EMPTY: { en: (p) => `${p.fileName} is empty. Upload the actual document.`, fr: (p) => `${p.fileName} est vide. Téléversez le vrai document.` },
  LINK_NOT_ALLOWED: { en: () => `Only https links to SharePoint or OneDrive are accepted. Share the document from there.`, fr: () => `Seuls les liens https vers SharePoint ou OneDrive sont acceptés. Partagez le document depuis là.` },
  DELIVERABLE_NOT_FOUND: { en: () => `This deliverable no longer exists. Refresh the voucher.`, fr: () => `Ce livrable n'existe plus. Actualisez le voucher.` },
  PROGRAM_NOT_ENROLLED: { en: (p) => `You are not enrolled in ${p.program}, so it cannot be offered. Enroll first.`, fr: (p) => `Vous n'êtes pas inscrit à ${p.program} : impossible de le proposer. Inscrivez-vous d'abord.` },
  ELIGIBILITY_ITEM_UNKNOWN: { en: (p) => `${p.item} is not on the ${p.program} checklist.`, fr: (p) => `${p.item} ne figure pas dans la liste de contrôle ${p.program}.` },
};

/** An expected failure; `bot/teams/turn.ts` renders it with `reasonOf`. */
export class Refusal<C extends RefusalCode = RefusalCode> extends Error {
  constructor(
    readonly code: C,
    readonly params: RefusalParams[C],
  ) {
    super(code);
    this.name = 'Refusal';
  }
}

export function refuse<C extends RefusalCode>(code: C, params: RefusalParams[C]): Refusal<C> {
  return new Refusal(code, params);
}

export function isRefusal(value: unknown): value is Refusal {
  return value instanceof Refusal;
}

/** The user-facing reason of a refusal. */
export function reasonOf<C extends RefusalCode>(refusal: Refusal<C>, locale: Locale): string {
  const render = TEXTS[refusal.code][locale] as (p: RefusalParams[C]) => string;
  return render(refusal.params);
}

export const refusalCodes = Object.keys(TEXTS) as RefusalCode[];

/** Parses an input at a service boundary; a zod failure becomes INVALID_INPUT naming the fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = [...new Set(result.error.issues.map((i) => i.path.map(String).join('.') || '(input)'))];
  throw refuse('INVALID_INPUT', { fields });
}
