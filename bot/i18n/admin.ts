import type { Locale } from './messages';

/** Sentences the partner administration handlers write (issue 9), in English and French. */
export interface AdminTexts {
  tenantNotAllowed: string;
  alreadySetUp: (partner: string) => string;
  setUpDone: (partner: string) => string;
  settingsSaved: string;
  noTenant: string;
  mentionSomeone: (example: string) => string;
  notInTenant: (name: string) => string;
  noRoles: (example: string) => string;
  noEmail: (name: string) => string;
  personAdded: (name: string) => string;
  personUpdated: (name: string) => string;
  personRemoved: (name: string) => string;
  personUnknown: string;
  locationSaved: (id: string) => string;
  unknownProgram: (typed: string, programs: string) => string;
  badCountry: (typed: string) => string;
  checklistSaved: string;
  nothingChanged: string;
  enrolled: (program: string) => string;
  renewed: (program: string) => string;
  notEnrolledYet: (program: string, example: string) => string;
  profileSaved: string;
  setupHint: string;
}

export const adminTexts: Record<Locale, AdminTexts> = {
  en: {
    tenantNotAllowed:
      'This tenant is not on the list of tenants allowed to set up a partner. Ask the people who run this bot to add your tenant id to ALLOWED_TENANT_IDS.',
    alreadySetUp: (p) => `This tenant already belongs to ${p}. Ask one of its admins to add you.`,
    setUpDone: (p) =>
      `${p} is set up and you are its first admin. Next: add people (add @name staff FR-PAR), tick the eligibility checklist (eligibility AZDPS), then enroll (enroll AZDPS).`,
    settingsSaved: 'Partner settings saved.',
    noTenant: 'Teams did not say which tenant this conversation belongs to, so no partner can be set up here. Try again from Teams.',
    mentionSomeone: (e) => `Mention the person with @ so that Teams tells me who they are, for example: ${e}`,
    notInTenant: (n) =>
      `${n} is not a member of this team or tenant as Teams sees it, so they cannot be added. Mention someone from your organisation.`,
    noRoles: (e) => `Say which roles to give: admin, staff or manager, for example: ${e}`,
    noEmail: (n) => `Teams did not give an email address for ${n}; they cannot be added until their account has one.`,
    personAdded: (n) => `${n} was added.`,
    personUpdated: (n) => `${n} was updated.`,
    personRemoved: (n) => `${n} was removed. Their past actions stay in the audit trail.`,
    personUnknown: 'That person is not registered with this partner.',
    locationSaved: (id) => `Location ${id} saved.`,
    unknownProgram: (t, p) => `"${t}" is not a program. Use one of: ${p}.`,
    badCountry: (t) => `"${t}" is not an ISO 3166-1 alpha-2 country code. Use two letters such as FR, DE, GB or US.`,
    checklistSaved: 'Checklist saved.',
    nothingChanged: 'Nothing was changed.',
    enrolled: (p) => `Enrolled in ${p}.`,
    renewed: (p) => `Enrollment in ${p} renewed.`,
    notEnrolledYet: (p, e) => `The partner is not enrolled in ${p} yet, so there is nothing to renew. Enroll first: ${e}`,
    profileSaved: 'Directory profile saved here. Update the official listing in Partner Center too.',
    setupHint: 'To start, a partner admin types setup.',
  },
  fr: {
    tenantNotAllowed:
      "Ce locataire ne figure pas dans la liste des locataires autorisés à configurer un partenaire. Demandez aux personnes qui exploitent ce bot d'ajouter l'identifiant de votre locataire à ALLOWED_TENANT_IDS.",
    alreadySetUp: (p) => `Ce locataire appartient déjà à ${p}. Demandez à l'un de ses administrateurs de vous ajouter.`,
    setUpDone: (p) =>
      `${p} est configuré et vous en êtes le premier administrateur. Ensuite : ajoutez des personnes (ajouter @nom personnel FR-PAR), cochez la liste d'éligibilité (éligibilité AZDPS), puis inscrivez-vous (inscrire AZDPS).`,
    settingsSaved: 'Paramètres du partenaire enregistrés.',
    noTenant:
      "Teams n'a pas indiqué à quel locataire appartient cette conversation : aucun partenaire ne peut être configuré ici. Réessayez depuis Teams.",
    mentionSomeone: (e) => `Mentionnez la personne avec @ pour que Teams me dise de qui il s'agit, par exemple : ${e}`,
    notInTenant: (n) =>
      `${n} n'est pas membre de cette équipe ou de ce locataire pour Teams : impossible de l'ajouter. Mentionnez une personne de votre organisation.`,
    noRoles: (e) => `Indiquez les rôles à donner : administrateur, personnel ou responsable, par exemple : ${e}`,
    noEmail: (n) => `Teams n'a pas donné d'adresse e-mail pour ${n} : impossible de l'ajouter tant que son compte n'en a pas.`,
    personAdded: (n) => `${n} a été ajouté.`,
    personUpdated: (n) => `${n} a été modifié.`,
    personRemoved: (n) => `${n} a été retiré. Ses actions passées restent dans l'historique.`,
    personUnknown: "Cette personne n'est pas enregistrée chez ce partenaire.",
    locationSaved: (id) => `Site ${id} enregistré.`,
    unknownProgram: (t, p) => `« ${t} » n'est pas un programme. Utilisez l'un de : ${p}.`,
    badCountry: (t) => `« ${t} » n'est pas un code pays ISO 3166-1 alpha-2. Utilisez deux lettres comme FR, DE, GB ou US.`,
    checklistSaved: 'Liste de contrôle enregistrée.',
    nothingChanged: "Rien n'a été modifié.",
    enrolled: (p) => `Inscription à ${p} enregistrée.`,
    renewed: (p) => `Inscription à ${p} renouvelée.`,
    notEnrolledYet: (p, e) => `Le partenaire n'est pas encore inscrit à ${p} : rien à renouveler. Inscrivez-vous d'abord : ${e}`,
    profileSaved: "Profil d'annuaire enregistré ici. Mettez aussi à jour la fiche officielle dans Partner Center.",
    setupHint: 'Pour commencer, un administrateur partenaire tape configurer.',
  },
};
