import type { Locale } from '../i18n/messages';

/** What the requester reads about the approval cards sent for them (English and French). */
export const proactiveText: Record<
  Locale,
  { notInstalled(names: string[], others: number): string; channelSet: string; channelOnlyInChannel: string }
> = {
  en: {
    notInstalled: (names, others) =>
      `${names.join(', ')}${others > 0 ? ` and ${others} more` : ''} ${names.length + others > 1 ? 'have' : 'has'} not installed the bot yet, so the approval card could not reach them in Teams. They can still decide with "approvals".`,
    channelSet: 'This channel now gets a copy of every approval card.',
    channelOnlyInChannel: 'Run "approvals channel here" in the channel that should get the approval cards.',
  },
  fr: {
    notInstalled: (names, others) =>
      `${names.join(', ')}${others > 0 ? ` et ${others} autres personnes` : ''} ${names.length + others > 1 ? "n'ont" : "n'a"} pas encore installé le bot : la carte d'approbation n'a pas pu les joindre dans Teams. Les managers peuvent toujours décider avec « approbations ».`,
    channelSet: "Ce canal reçoit désormais une copie de chaque carte d'approbation.",
    channelOnlyInChannel: "Lancez « canal approbations ici » dans le canal qui doit recevoir les cartes d'approbation.",
  },
};
