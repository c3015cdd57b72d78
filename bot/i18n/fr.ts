import type { BotTexts } from './en';

/** Text the bot itself writes, in French. */
export const fr: BotTexts = {
  apology: (reference) =>
    `Désolé, une erreur s'est produite de notre côté et rien n'a été modifié. Réessayez ; si cela se reproduit, donnez cette référence à votre administrateur : ${reference}.`,
  stillRunning:
    'Je traite encore votre demande précédente portant sur ce même message ; sa réponse va suivre. Rien n’a été appliqué deux fois.',
  notPermitted: (command, roles) =>
    `Seuls les ${roles.join(' ou les ')} peuvent utiliser « ${command} ». Demandez ce rôle à l'administrateur partenaire si nécessaire.`,
  notAVoucher: (why) =>
    `Ceci ne ressemble pas à l'e-mail d'un bon Services de planification : ${why}. Collez l'e-mail complet transféré par le client, avec le numéro du bon.`,
  verdicts: {
    training_voucher: "c'est un bon de formation (SATV), un autre programme",
    cancelled_voucher: 'le seul bon qu’il contient est annulé',
    not_planning_services: 'son bon n’appartient à aucune offre Services de planification',
    no_voucher_number: "je n'y ai trouvé aucun numéro de bon",
    unreadable: "je n'ai pas pu le lire comme un e-mail",
  },
  usage: (example) => `Il manque des précisions à cette commande. Par exemple : ${example}`,
  usageMissing: (what, usage, example) => `Il manque : ${what}. Écrivez la commande ainsi : ${usage}, par exemple : ${example}`,
  usageUnreadable: (typed, what, usage, example) =>
    `Je n'ai pas pu lire « ${typed} » comme ${what}. Écrivez la commande ainsi : ${usage}, par exemple : ${example}`,
  usageCheck: (usage, example) => `Je n'ai pas pu lire cette commande. Écrivez-la ainsi : ${usage}, par exemple : ${example}`,
  dateHint: 'Écrivez les dates ainsi : 15/03/2026 ou 2026-03-15.',
  thanks: 'Avec plaisir. Tapez aide pour retrouver la liste des commandes.',
  formAgain: 'Rouvrir le formulaire',
  locationUnknown: (typed, list, example) =>
    list
      ? `Je n'ai trouvé aucun site « ${typed} ». Sites sous lesquels vous pouvez réserver ce bon : ${list}. Par exemple : ${example}`
      : `Je n'ai trouvé aucun site « ${typed} », et aucun de vos sites ne peut prendre ce bon (approuvé pour son programme, avec vous comme contact). Demandez à votre administrateur partenaire.`,
  locationNotUsable: (location, number, list, example) =>
    list
      ? `Le site ${location} ne peut pas prendre le bon ${number} : il n'est pas approuvé pour le programme du bon, ou vous n'êtes pas l'un de ses contacts. Sites possibles : ${list}. Par exemple : ${example}`
      : `Le site ${location} ne peut pas prendre le bon ${number}, et aucun de vos sites ne le peut (approuvé pour son programme, avec vous comme contact). Demandez à votre administrateur partenaire.`,
  alreadyKnown: (number) => `Le bon ${number} est déjà enregistré : voici où il en est.`,
  notNow: (command, number, state) =>
    `« ${command} » n'est pas possible sur le bon ${number} maintenant (état : ${state}). Les boutons ci-dessous montrent ce que vous pouvez faire.`,
  unknownVerb: 'Ce bouton appartient à une ancienne carte. Tapez « aide » pour voir ce que vous pouvez faire maintenant.',
  roles: { admin: 'administrateurs partenaires', staff: 'collaborateurs', manager: 'responsables' },
  fields: {
    voucherId: 'bon',
    voucherNumber: 'numéro du bon',
    voucherAdminEmail: "e-mail de l'administrateur du bon",
    locationId: 'site',
    engagementCountry: 'pays de la mission',
    termsAccepted: 'conditions du programme',
    start: 'date de début',
    end: 'date de fin',
    consultant: 'consultant',
    deliveredOn: 'livré le',
    summary: 'résumé',
    attendees: 'participants',
    recommendations: 'recommandations',
    deliverableUrl: 'lien du livrable',
    voucherIds: 'bons',
    claimNumber: 'numéro de demande',
    paidOn: 'date de paiement',
    approvalId: 'approbation',
    comment: 'commentaire',
    reason: 'motif',
    reasonText: 'motif',
    days: 'jours',
    program: 'programme',
    assignedOn: 'attribué le',
    expiresOn: 'expire le',
    customerName: 'client',
    expectedState: 'état de la carte',
    page: 'page',
    state: 'état',
    text: 'texte',
  },
  invalidFields: (fields) => `Des champs manquent ou sont invalides : ${fields.join(', ')}. Corrigez-les puis réessayez.`,
};
