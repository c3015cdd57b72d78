import assert from 'node:assert/strict';
import { Types } from 'mongoose';
import { toEligibilityData } from '../../cards/eligibility.card';
import { toEnrollmentData } from '../../cards/enrollment.card';
import { toLocationFormData, toLocationsData } from '../../cards/locations.card';
import { toPartnerStatusData } from '../../cards/partner-status.card';
import { toPeopleData, toPersonFormData } from '../../cards/people.card';
import { toProfileData } from '../../cards/profile.card';
import { render } from '../../cards/render';
import { toSettingsData, toSetupData } from '../../cards/setup.card';
import { parseVerbData } from '../../cards/verbs';
import type { ChecklistView } from '../../domain/enrollment/eligibility.service';
import type { PartnerOverview } from '../../domain/partner/overview.queries';
import { actionNamed, actionTitles, allText, assertNeutralised, assertValidCard, HOSTILE, inputs } from './card-check';

const NOW = new Date('2026-12-02T10:00:00Z');
const LOCALES = ['en', 'fr'] as const;
const day = (s: string) => new Date(`${s}T00:00:00Z`);

function checklist(done: number, text = 'Ada Admin'): ChecklistView {
  const keys = ['competency', 'compliance-training', 'technical-training', 'exam'];
  const items = keys.map((k, i) => ({
    key: `AZDPS.${k}`,
    kind: i < 2 ? ('company' as const) : ('consultant' as const),
    label: k,
    done: i < done,
    by: i < done ? 'aad-1' : null,
    byName: i < done ? text : null,
    on: i < done ? NOW : null,
  }));
  return {
    program: 'AZDPS',
    status: done === 0 ? 'not_started' : done === 4 ? 'active' : 'in_progress',
    items,
    missing: items.filter((x) => !x.done),
  };
}

function overview(text = 'Contoso'): PartnerOverview {
  return {
    partner: { name: text, settings: { approvalDaysThreshold: 10, approvalTtlDays: 7, allowSelfApproval: false } },
    programs: [
      { program: 'AZDPS', status: 'active', missing: 0, renewBy: day('2027-12-01') },
      { program: 'DDPS', status: 'in_progress', missing: 2, renewBy: null },
    ],
    locations: [{ locationId: 'FR-PAR', name: text, country: 'FR', approvedPrograms: ['AZDPS'] }],
    peopleByRole: [
      { role: 'admin', names: [text] },
      { role: 'staff', names: [] },
      { role: 'manager', names: [] },
    ],
    vouchersByState: [
      { state: 'assigned', count: 2 },
      { state: 'reserved', count: 1 },
    ],
    changes: [
      {
        _id: new Types.ObjectId(),
        partnerId: new Types.ObjectId(),
        at: NOW,
        byAadObjectId: 'a',
        byName: text,
        action: 'person.add',
        target: text,
      },
    ],
  };
}

const person = (text = 'Sam Staff') => ({
  aadObjectId: 'aad-sam',
  name: text,
  roles: ['staff' as const],
  locationIds: ['FR-PAR'],
  qualifications: [{ program: 'AZDPS', trainingOn: day('2026-01-10'), examOn: day('2026-01-20') }],
});
const location = (text = 'Paris') => ({
  locationId: 'FR-PAR',
  name: text,
  country: 'FR',
  approvedPrograms: ['AZDPS'],
  contacts: [{ aadObjectId: 'x', name: text, email: 'x@y.test' }],
});
const profile = (text = 'We plan Azure moves.') => ({
  description: text,
  website: 'https://contoso.example',
  contactEmail: 'hi@contoso.example',
  countries: ['FR'],
  languages: ['fr'],
  programs: ['AZDPS'],
  updatedOn: NOW,
});

/** Every admin card, from the given text in every user-provided place. */
function allCards(locale: 'en' | 'fr', text?: string) {
  const ctx = { locale, now: NOW };
  const enrollmentInput = {
    program: 'AZDPS',
    status: 'active' as const,
    enrollment: {
      enrolledOn: day('2026-06-01'),
      renewBy: day('2027-06-01'),
      agreementSignedOn: day('2026-05-20'),
      complianceTrainingOn: day('2026-05-25'),
      locationIds: ['FR-PAR'],
    },
    locations: [location(text)],
  };
  return {
    setup: render('setup', toSetupData({ partnerName: text ?? null, threshold: 10, adminEmail: 'ada@contoso.example' }, locale, text)),
    settings: render('setup', toSettingsData({ name: text ?? 'Contoso', settings: { approvalDaysThreshold: 10 } }, locale)),
    people: render('people', toPeopleData(text ?? 'Contoso', [person(text)], ctx, text)),
    personForm: render('person-form', toPersonFormData(person(text), [location(text)], ['AZDPS', 'DDPS'], ctx)),
    locations: render('locations', toLocationsData(text ?? 'Contoso', [location(text)], { FR: 'France' }, ctx)),
    locationsEmpty: render('locations', toLocationsData('Contoso', [], {}, ctx)),
    locationNew: render('location-form', toLocationFormData(null, [], ctx)),
    locationEdit: render('location-form', toLocationFormData(location(text), [{ aadObjectId: 'x', name: text ?? 'Sam' }], ctx)),
    eligibilityNone: render('eligibility', toEligibilityData(checklist(0), ctx)),
    eligibilityHalf: render('eligibility', toEligibilityData(checklist(2, text), ctx, text)),
    eligibilityActive: render('eligibility', toEligibilityData(checklist(4, text), ctx)),
    enrollmentNew: render('enrollment', toEnrollmentData({ ...enrollmentInput, enrollment: null }, ctx)),
    enrollmentBlocked: render('enrollment', toEnrollmentData({ ...enrollmentInput, status: 'in_progress', enrollment: null }, ctx)),
    enrolled: render('enrollment', toEnrollmentData(enrollmentInput, ctx)),
    profileEmpty: render(
      'profile',
      toProfileData(
        {
          partner: 'Contoso',
          profile: null,
          updatedByName: null,
          offerable: [],
          canEdit: true,
          directoryUrl: 'https://partner.microsoft.com/dashboard/mpn/profile',
        },
        ctx,
      ),
    ),
    profile: render(
      'profile',
      toProfileData(
        {
          partner: text ?? 'Contoso',
          profile: profile(text),
          updatedByName: text ?? 'Ada',
          offerable: ['AZDPS'],
          canEdit: true,
          directoryUrl: 'https://partner.microsoft.com/dashboard/mpn/profile',
        },
        ctx,
      ),
    ),
    profileRead: render(
      'profile',
      toProfileData(
        {
          partner: 'Contoso',
          profile: profile(text),
          updatedByName: 'Ada',
          offerable: ['AZDPS'],
          canEdit: false,
          directoryUrl: 'https://partner.microsoft.com/dashboard/mpn/profile',
        },
        ctx,
      ),
    ),
    status: render('partner-status', toPartnerStatusData(overview(text), { FR: 'France' }, ctx, text)),
  };
}

describe('partner administration cards', () => {
  for (const locale of LOCALES) {
    it(`every card renders valid Adaptive Card 1.5 under 25 KB, in ${locale}`, () => {
      for (const [name, card] of Object.entries(allCards(locale))) assertValidCard(card, `${name} (${locale})`);
    });

    it(`reads in ${locale}: setup, checklist, enrollment, profile and overview say what matters`, () => {
      const c = allCards(locale);
      const fr = locale === 'fr';
      assert.deepEqual(actionTitles(c.setup), [fr ? 'Configurer' : 'Set up']);
      assert.ok(
        inputs(c.setup).has('locationId') && !inputs(c.settings).has('locationId'),
        'the first run asks for a location, the settings do not',
      );
      assert.match(allText(c.eligibilityHalf), fr ? /Statut : En cours/ : /Status: In progress/);
      assert.match(
        allText(c.eligibilityHalf),
        fr
          ? /Il manque encore : Le consultant principal a suivi la formation technique/
          : /Still missing: The lead consultant finished the technical training/,
      );
      assert.match(allText(c.eligibilityHalf), fr ? /coché par Ada Admin/ : /ticked by Ada Admin/);
      assert.deepEqual(actionTitles(c.eligibilityActive), fr ? ['Enregistrer la liste', 'Inscrire'] : ['Save checklist', 'Enroll']);
      assert.deepEqual(actionTitles(c.enrollmentBlocked), [fr ? 'Ouvrir la liste de contrôle' : 'Open the checklist']);
      assert.match(allText(c.enrollmentBlocked), fr ? /L'éligibilité est En cours/ : /Eligibility is In progress/);
      assert.match(allText(c.enrolled), fr ? /181 jours avant le renouvellement/ : /181 days to renewal/);
      assert.deepEqual(actionTitles(c.enrolled), [fr ? 'Renouveler' : 'Renew']);
      assert.match(JSON.stringify(c.profile), /partner\.microsoft\.com/);
      assert.match(allText(c.profile), fr ? /ne l'envoie pas à Microsoft/ : /does not send it to Microsoft/);
      assert.deepEqual(actionTitles(c.profileRead), [], 'a reader gets no Save');
      assert.match(allText(c.status), fr ? /AZDPS : éligibilité Active/ : /AZDPS: eligibility Active/);
    });
  }

  it('buttons carry ids and the state shown, which the verbs parse', () => {
    const c = allCards('en');
    const save = actionNamed(c.eligibilityHalf, 'Save checklist');
    const parsed = parseVerbData('eligibility.save', { ...save.data, 'item_AZDPS.exam': 'true', 'item_AZDPS.competency': 'true' });
    assert.ok(parsed.success);
    assert.deepEqual(parsed.data.shown, ['AZDPS.competency', 'AZDPS.compliance-training']);
    assert.deepEqual(parsed.data.items, [
      { key: 'AZDPS.exam', done: true },
      { key: 'AZDPS.competency', done: true },
    ]);
    const edit = actionNamed(c.people, 'Edit');
    assert.equal(edit.data.aadObjectId, 'aad-sam');
    assert.deepEqual(
      Object.keys(edit.data).filter((k) => k !== 'lang'),
      ['aadObjectId'],
      'ids only (and the card language render.ts may stamp)',
    );
    const person = parseVerbData('person.save', {
      ...actionNamed(c.personForm, 'Save person').data,
      roles: 'staff,manager',
      locationIds: 'FR-PAR',
      trainingOn_AZDPS: '2026-01-10',
      examOn_AZDPS: '',
    });
    assert.ok(person.success);
    assert.deepEqual(person.data.qualifications, [{ program: 'AZDPS', trainingOn: '2026-01-10', examOn: null }]);
  });

  it('neutralises hostile names, descriptions and notices', () => {
    for (const h of HOSTILE) {
      for (const [name, card] of Object.entries(allCards('fr', h))) {
        assertValidCard(card, name);
        assertNeutralised(card, name);
      }
    }
  });
});
