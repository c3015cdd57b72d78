import type { Locale } from '../../i18n/messages';

/** The partner admin's email settings in chat (issue 10), English and French. */
export const emailSettingsText: Record<
  Locale,
  { mailboxSet(address: string): string; channelSet: string; onlyInChannel: string; noMailbox: string }
> = {
  en: {
    mailboxSet: (a) => `Customer emails sent to ${a} now come to this partner. Connect that mailbox to the bot's Email channel in Azure.`,
    channelSet: 'This channel now gets a card for every voucher a customer emails.',
    onlyInChannel: 'Run "new vouchers channel here" in the channel that should get the cards of vouchers customers email.',
    noMailbox: 'Set the customer mailbox first: write customer mailbox followed by its address.',
  },
  fr: {
    mailboxSet: (a) =>
      `Les e-mails des clients envoyés à ${a} arrivent désormais chez ce partenaire. Connectez cette boîte au canal E-mail du bot dans Azure.`,
    channelSet: 'Ce canal reçoit désormais une carte pour chaque bon envoyé par e-mail par un client.',
    onlyInChannel: 'Lancez « canal nouveaux bons ici » dans le canal qui doit recevoir les cartes des bons envoyés par les clients.',
    noMailbox: 'Définissez d’abord la boîte des clients : écrivez boîte clients suivi de son adresse.',
  },
};
