import type { Locale } from '../i18n/messages';

/** What the bot says about attached files (issue 10, files), in English and French. */
export interface FileTexts {
  received: (name: string) => string;
  notHere: string;
  whichVoucher: (name: string) => string;
  stored: (name: string, number: string) => string;
  downloadFailed: (name: string) => string;
  notAVoucherEmail: (name: string) => string;
  wrongKind: (name: string) => string;
  unknownPerson: string;
}

export const fileTexts: Record<Locale, FileTexts> = {
  en: {
    received: (n) => `Received ${n}, reading…`,
    notHere:
      'I can’t read files posted here. Share a SharePoint or OneDrive link to the document instead, or send me the file in our personal chat.',
    whichVoucher: (n) =>
      `I kept nothing from ${n}: I could not tell which voucher it belongs to. Send it again with the voucher number in the same message (for example: complete PS-1234).`,
    stored: (n, v) => `${n} is stored as the planning deliverable of voucher ${v}.`,
    downloadFailed: (n) => `I could not download ${n} from Teams (the link may have expired). Nothing was stored: send the file again.`,
    notAVoucherEmail: (n) => `${n} is not a Planning Services voucher email: no voucher was added.`,
    wrongKind: (n) =>
      `${n} is neither a voucher email (.eml, .msg) nor a planning deliverable (PDF, Word, PowerPoint, Excel, Visio or ZIP). Nothing was stored.`,
    unknownPerson: 'Only partner staff can send me files. Ask a partner admin to add you.',
  },
  fr: {
    received: (n) => `${n} reçu, lecture en cours…`,
    notHere:
      'Je ne peux pas lire les fichiers publiés ici. Partagez plutôt un lien SharePoint ou OneDrive vers le document, ou envoyez-moi le fichier dans notre conversation personnelle.',
    whichVoucher: (n) =>
      `Je n’ai rien gardé de ${n} : je n’ai pas pu savoir à quel bon il se rapporte. Renvoyez-le avec le numéro du bon dans le même message (par exemple : terminer PS-1234).`,
    stored: (n, v) => `${n} est enregistré comme livrable de planification du bon ${v}.`,
    downloadFailed: (n) =>
      `Je n’ai pas pu télécharger ${n} depuis Teams (le lien a peut-être expiré). Rien n’a été enregistré : renvoyez le fichier.`,
    notAVoucherEmail: (n) => `${n} n’est pas un e-mail de bon Planning Services : aucun bon n’a été ajouté.`,
    wrongKind: (n) =>
      `${n} n’est ni un e-mail de bon (.eml, .msg) ni un livrable de planification (PDF, Word, PowerPoint, Excel, Visio ou ZIP). Rien n’a été enregistré.`,
    unknownPerson: 'Seul le personnel du partenaire peut m’envoyer des fichiers. Demandez à un administrateur partenaire de vous ajouter.',
  },
};
