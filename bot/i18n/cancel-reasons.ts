import type { CancelReason } from '../../cards/verbs';

/**
 * The words a person may type for a cancellation reason (`annuler DEMO-0004 offre-modifiée`), in
 * either language whatever their locale, as keywords are: the list's English codes and French
 * words, matched with case and accents folded.
 */
export const TYPED_CANCEL_REASONS: ReadonlyMap<string, CancelReason> = new Map(
  Object.entries({
    'offer-changed': 'offer-changed',
    'no-engagement': 'no-engagement',
    'other-partner': 'other-partner',
    other: 'other',
    'offre-modifiee': 'offer-changed',
    'pas-de-mission': 'no-engagement',
    'autre-partenaire': 'other-partner',
    autre: 'other',
  } satisfies Record<string, CancelReason>),
);
