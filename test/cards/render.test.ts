import assert from 'node:assert/strict';
import en from '../../cards/i18n/en.json';
import fr from '../../cards/i18n/fr.json';
import { TEMPLATE_NAMES, templateVerbs, verbsUsedByTemplates } from '../../cards/render';
import { isVerb, VERB_NAMES } from '../../cards/verbs';

function leaves(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

describe('card templates, verbs and labels', () => {
  it('every verb a template names is declared in verbs.ts', () => {
    const verbs = templateVerbs();
    assert.deepEqual(Object.keys(verbs).sort(), [...TEMPLATE_NAMES].sort());
    for (const [template, names] of Object.entries(verbs))
      for (const verb of names) assert.ok(isVerb(verb), `${template} uses undeclared ${verb}`);
  });

  it('every declared verb is reachable from a card (help.suggest through the message and help cards)', () => {
    const used = new Set<string>(verbsUsedByTemplates());
    assert.deepEqual(
      VERB_NAMES.filter((v) => !used.has(v)),
      [],
    );
  });

  it('verbs are noun.action in lower case', () => {
    for (const verb of VERB_NAMES) assert.match(verb, /^[a-z]+\.[a-z]+(-[a-z]+)*$/);
  });

  it('French and English labels have the same keys, and no label opens a binding', () => {
    const enKeys = leaves(en).map(([k]) => k);
    const frKeys = leaves(fr).map(([k]) => k);
    assert.deepEqual(frKeys, enKeys);
    for (const [key, text] of [...leaves(en), ...leaves(fr)]) {
      assert.ok(!text.includes('${'), key);
      assert.ok(text.trim() !== '', key);
    }
  });

  it('button titles are exactly those of issue 8 in both languages', () => {
    const pairs: [keyof typeof en.button, string, string][] = [
      ['add', 'Add voucher', 'Ajouter le bon'],
      ['addReserve', 'Add and reserve', 'Ajouter et réserver'],
      ['reserve', 'Reserve', 'Réserver'],
      ['cancelReservation', 'Cancel reservation', 'Annuler la réservation'],
      ['schedule', 'Schedule', 'Planifier'],
      ['complete', 'Complete', 'Terminer'],
      ['redeem', 'Redeem', 'Échanger'],
      ['yesRedeem', 'Yes, redeem', 'Oui, échanger'],
      ['claim', 'Claim', 'Réclamer'],
      ['markPaid', 'Mark paid', 'Marquer payé'],
      ['approve', 'Approve', 'Approuver'],
      ['reject', 'Reject', 'Rejeter'],
      ['details', 'Details', 'Détails'],
      ['next', 'Next', 'Suivant'],
      ['previous', 'Previous', 'Précédent'],
    ];
    for (const [key, english, french] of pairs) {
      assert.equal(en.button[key], english);
      assert.equal(fr.button[key], french);
    }
  });
});
