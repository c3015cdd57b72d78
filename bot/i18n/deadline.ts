import type { Locale } from './messages';

/** What a turn that passed Teams' deadline (issue 8, TEAMS.md: answer within about 5 s) says, in English and French. */
export interface DeadlineTexts {
  /** Title of the card that stands in for a clicked card until the work is done. */
  workingTitle: string;
  /** A click: the card is updated once the work is done. */
  cardWillUpdate: string;
  /** A message: the answer follows as a message of its own. */
  answerFollows: string;
  /** deliveryMode expectReplies: nothing can follow this answer, so the user looks again later. */
  lookAgain: string;
  /** Title of a late answer that was a sentence, put in place of the clicked card. */
  lateTitle: string;
}

export const deadlineTexts: Record<Locale, DeadlineTexts> = {
  en: {
    workingTitle: 'Still working',
    cardWillUpdate: 'This is taking longer than usual. I am still working on it, and this card will update with the result.',
    answerFollows: 'This is taking longer than usual. I am still working on it; the answer follows in a moment.',
    lookAgain:
      'This is taking longer than usual. I am finishing it in the background and it will be applied once, even if you send it again. Look again in a minute, for example with "vouchers" or "voucher <number>".',
    lateTitle: 'Your request',
  },
  fr: {
    workingTitle: 'Traitement en cours',
    cardWillUpdate: 'Cela prend plus de temps que d’habitude. Je continue, et cette carte sera mise à jour avec le résultat.',
    answerFollows: 'Cela prend plus de temps que d’habitude. Je continue ; la réponse suit dans un instant.',
    lookAgain:
      'Cela prend plus de temps que d’habitude. Je termine en arrière-plan et ce ne sera appliqué qu’une fois, même si vous renvoyez la demande. Regardez de nouveau dans une minute, par exemple avec « bons » ou « bon <numéro> ».',
    lateTitle: 'Votre demande',
  },
};
