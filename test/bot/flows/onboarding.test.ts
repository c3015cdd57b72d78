import assert from 'node:assert/strict';
import { fixedClock } from '../../../domain/clock';
import { partnerAdmin } from '../../../domain/partner/partner-admin';
import { startAdminBot } from '../../helpers/admin-bot';
import { useTestDatabase } from '../../helpers/db';
import { startFakeTeamsRoster, type FakeTeamsRoster, type RosterMember } from '../../helpers/fake-teams-roster';
import { turnDriver, type Speaker, type TurnDriver, type TurnResult } from '../../helpers/turn-driver';

/**
 * Issue 9 through /api/messages (real CloudAdapter, real database, a fake Teams roster as a real
 * HTTP server behind TeamsInfo.getMember): a new tenant from nothing to a first reserved voucher,
 * in English and in French, then a second setup, a tenant outside ALLOWED_TENANT_IDS and bad input.
 */
const NOW = '2026-12-02T10:00:00.000Z';
const LOCALES = ['en', 'fr'] as const;
type L = (typeof LOCALES)[number];
const tenantOf = (l: L) => `tenant-onboard-${l}`;
const person = (key: string, l: L, name: string, tenantId = tenantOf(l)): RosterMember => ({
  id: `29:${key}-${l}`,
  aadObjectId: `aad-${key}-${l}`,
  name,
  email: `${key}-${l}@contoso.test`,
  tenantId,
});

const MEMBERS: RosterMember[] = LOCALES.flatMap((l) => [
  person('ada', l, 'Ada Admin'),
  person('sam', l, 'Sam Staff'),
  person('bob', l, 'Bob Other'),
  person('eve', l, 'Eve Elsewhere', 'tenant-someone-else'),
]);
const W = {
  en: {
    setup: 'setup',
    add: 'add',
    staff: 'staff',
    eligibility: 'eligibility',
    enroll: 'enroll',
    reserve: 'Reserve',
    status: 'status',
    people: 'people',
    remove: 'remove',
  },
  fr: {
    setup: 'configurer',
    add: 'ajouter',
    staff: 'personnel',
    eligibility: 'éligibilité',
    enroll: 'inscrire',
    reserve: 'Réserver',
    status: 'état',
    people: 'personnes',
    remove: 'retirer',
  },
} as const;

describe('partner administration in Teams: first run to a first reserved voucher (issue 9)', () => {
  const db = useTestDatabase('onboarding');
  const clock = fixedClock(NOW);
  let roster: FakeTeamsRoster;
  let bot: Awaited<ReturnType<typeof startAdminBot>>;
  let drive: TurnDriver;

  before(async function () {
    this.timeout(60_000);
    roster = await startFakeTeamsRoster(MEMBERS);
    bot = await startAdminBot(db.connection, clock, { ALLOWED_TENANT_IDS: `${tenantOf('en')}, ${tenantOf('fr')},tenant-race` });
    drive = turnDriver(bot.url, roster.url);
  });
  after(async () => {
    await bot?.stop();
    await roster?.close();
  });

  const who = (key: string, l: L, tenantId = tenantOf(l)): Speaker => ({
    aadObjectId: `aad-${key}-${l}`,
    tenantId,
    locale: l === 'fr' ? 'fr-FR' : 'en-US',
    name: key,
  });
  const outcome = (r: TurnResult) => bot.log.lines().find((x) => x.msg === 'turn' && x.activityId === r.id)?.outcome;
  const mention = (key: string, l: L, name: string) => ({
    entities: [{ type: 'mention', text: `<at>${name}</at>`, mentioned: { id: `29:${key}-${l}`, name } }],
  });

  for (const l of LOCALES) {
    it(`${l}: setup, add a staff person with a location, tick eligibility, enroll, and the staff member reserves a voucher`, async function () {
      this.timeout(120_000);
      const w = W[l];
      const ada = who('ada', l);
      const sam = who('sam', l);

      const card = await drive.say(ada, w.setup);
      assert.equal(card.status, 200);
      assert.deepEqual(card.buttons, [l === 'fr' ? 'Configurer' : 'Set up']);
      assert.ok(card.readable.includes(`ada-${l}@contoso.test`), 'the email comes from Teams (TeamsInfo.getMember)');
      const done = await drive.click(ada, 'partner.setup', {
        partnerName: `Contoso ${l}`,
        locationId: 'fr-par',
        locationName: 'Paris',
        country: 'fr',
        approvalDaysThreshold: '10',
        adminEmail: `ada-${l}@contoso.test`,
      });
      assert.match(
        done.readable,
        l === 'fr' ? /est configuré et vous en êtes le premier administrateur/ : /is set up and you are its first admin/,
      );
      assert.equal(outcome(done), 'ok');

      const added = await drive.say(ada, `${w.add} <at>Sam Staff</at> ${w.staff} FR-PAR`, mention('sam', l, 'Sam Staff'));
      assert.match(added.readable, l === 'fr' ? /Sam Staff a été ajouté/ : /Sam Staff was added/);
      const qualified = await drive.click(ada, 'person.save', {
        aadObjectId: `aad-sam-${l}`,
        roles: 'staff',
        locationIds: 'FR-PAR',
        trainingOn_AZDPS: '2026-10-01',
        examOn_AZDPS: '2026-10-15',
      });
      assert.match(qualified.readable, /AZDPS/);

      const early = await drive.say(ada, `${w.enroll} AZDPS`);
      assert.match(early.readable, l === 'fr' ? /L'éligibilité est Non commencée/ : /Eligibility is Not started/);
      const refused = await drive.click(ada, 'enrollment.save', {
        program: 'AZDPS',
        kind: 'enroll',
        agreementSignedOn: '2026-11-20',
        complianceTrainingOn: '2026-11-25',
        locationIds: 'FR-PAR',
      });
      assert.equal(outcome(refused), 'refused');
      assert.match(refused.readable, l === 'fr' ? /Terminez d'abord sa liste de contrôle/ : /Complete its checklist first/);

      const checklist = await drive.say(ada, `${w.eligibility} azdps`);
      const save = checklist.actions.find((a) => a.verb === 'eligibility.save');
      assert.ok(save);
      const items = Object.fromEntries(
        ['competency', 'compliance-training', 'technical-training', 'exam'].map((k) => [`item_AZDPS.${k}`, 'true']),
      );
      const ticked = await drive.click(ada, 'eligibility.save', { ...save.data, ...items });
      assert.match(ticked.readable, l === 'fr' ? /Statut : Active/ : /Status: Active/);
      assert.match(ticked.readable, l === 'fr' ? /coché par Ada Admin/ : /ticked by Ada Admin/);

      // The same button on a new enrollment card (another message): not a double click of the refused one.
      const enrolled = await drive.click(
        ada,
        'enrollment.save',
        { program: 'AZDPS', kind: 'enroll', agreementSignedOn: '2026-11-20', complianceTrainingOn: '2026-11-25', locationIds: 'FR-PAR' },
        { replyToId: `enroll-card-${l}` },
      );
      assert.match(enrolled.readable, l === 'fr' ? /Inscription à AZDPS enregistrée/ : /Enrolled in AZDPS/);
      assert.match(enrolled.readable, l === 'fr' ? /365 jours avant le renouvellement/ : /365 days to renewal/);

      const admin = partnerAdmin(bot.domain.deps);
      const partner = await bot.domain.partners.byTenant(tenantOf(l));
      assert.ok(partner);
      const staff = await bot.domain.people.resolveActor(partner._id, `aad-sam-${l}`);
      const { voucher } = await bot.domain.vouchers.intake(staff, {
        voucherNumber: `ONB-${l.toUpperCase()}-0001`,
        program: 'AZDPS',
        days: 5,
        customerName: 'Fabrikam',
        agreementNumber: '8765 4321',
        voucherAdminEmail: 'it@fabrikam.test',
        assignedOn: '2026-12-01',
        source: { kind: 'manual' },
      });
      const form = await drive.say(sam, `${l === 'fr' ? 'réserver' : 'reserve'} ${voucher.number}`);
      assert.ok(form.buttons.includes(w.reserve), form.buttons.join());
      const reserved = await drive.click(sam, 'voucher.reserve', {
        voucherId: String(voucher._id),
        expectedState: 'assigned',
        voucherAdminEmail: 'it@fabrikam.test',
        locationId: 'FR-PAR',
        termsAccepted: 'true',
      });
      assert.equal(outcome(reserved), 'ok', reserved.readable);
      assert.equal((await bot.domain.vouchers.get(staff, String(voucher._id))).state, 'reserved');

      const status = await drive.say(ada, w.status);
      assert.match(
        status.readable,
        l === 'fr' ? /AZDPS : éligibilité Active, à renouveler avant le/ : /AZDPS: eligibility Active, renew by/,
      );
      assert.match(status.readable, l === 'fr' ? /Ada Admin a ajouté Sam Staff/ : /Ada Admin added Sam Staff/);
      const overview = await admin.overview(staff);
      assert.deepEqual(overview.vouchersByState.find((v) => v.state === 'reserved')?.count, 1);
    });
  }

  it('a second setup in the same tenant: the admin gets the settings, anyone else is told who to ask', async function () {
    this.timeout(30_000);
    const again = await drive.say(who('ada', 'en'), 'setup');
    assert.match(again.readable, /This tenant belongs to Contoso en/);
    assert.deepEqual(again.buttons, ['Save settings']);
    const stranger = await drive.say(who('bob', 'fr'), 'configurer');
    assert.equal(outcome(stranger), 'unknown-person');
    assert.match(stranger.readable, /Ada Admin/);
    const sneaky = await drive.click(who('bob', 'en'), 'partner.setup', {
      partnerName: 'Hijack',
      locationId: 'XX-1',
      locationName: 'X',
      country: 'FR',
      approvalDaysThreshold: '3',
      adminEmail: 'bob@contoso.test',
    });
    assert.equal(outcome(sneaky), 'unknown-person');
    assert.equal((await bot.domain.partners.byTenant(tenantOf('en')))?.name, 'Contoso en');
  });

  it('two setups of a new tenant at the same moment create one partner with one admin', async function () {
    this.timeout(30_000);
    const data = (name: string) => ({
      partnerName: name,
      locationId: 'DE-BER',
      locationName: 'Berlin',
      country: 'DE',
      approvalDaysThreshold: '5',
      adminEmail: `${name}@race.test`,
    });
    const [a, b] = await Promise.all([
      drive.click(who('ada', 'en', 'tenant-race'), 'partner.setup', data('first')),
      drive.click(who('sam', 'en', 'tenant-race'), 'partner.setup', data('second')),
    ]);
    const texts = [a.readable, b.readable];
    assert.equal(texts.filter((t) => /is set up and you are its first admin/.test(t)).length, 1, texts.join('\n---\n'));
    assert.equal(texts.filter((t) => /already belongs to/.test(t)).length, 1, texts.join('\n---\n'));
    const partners = await bot.domain.deps.models.partners.countDocuments({ tenantIds: 'tenant-race' });
    assert.equal(partners, 1);
    const partner = await bot.domain.partners.byTenant('tenant-race');
    assert.ok(partner);
    assert.equal(await bot.domain.deps.models.people.countDocuments({ partnerId: partner._id, roles: 'admin' }), 1);
  });

  for (const l of LOCALES) {
    it(`${l}: a tenant outside ALLOWED_TENANT_IDS cannot set up, and nothing is created`, async function () {
      this.timeout(30_000);
      const outsider = who('eve', l, 'tenant-not-allowed');
      const r = await drive.say(outsider, W[l].setup);
      assert.equal(outcome(r), 'refused');
      assert.match(
        r.readable,
        l === 'fr' ? /ne figure pas dans la liste des locataires autorisés/ : /not on the list of tenants allowed to set up/,
      );
      const click = await drive.click(outsider, 'partner.setup', {
        partnerName: 'Nope',
        locationId: 'US-SEA',
        locationName: 'Seattle',
        country: 'US',
        approvalDaysThreshold: '5',
        adminEmail: 'eve@x.test',
      });
      assert.equal(outcome(click), 'refused');
      assert.equal(await bot.domain.partners.byTenant('tenant-not-allowed'), null);
    });

    it(`${l}: bad input gets a clear message and changes nothing`, async function () {
      this.timeout(60_000);
      const ada = who('ada', l);
      const count = () => bot.domain.deps.connection.collection('adminChanges').countDocuments();
      const start = await count();
      const unknown = await drive.say(ada, `${W[l].eligibility} XYZPS`);
      assert.match(unknown.readable, l === 'fr' ? /« XYZPS » n'est pas un programme/ : /"XYZPS" is not a program/);
      const country = await drive.click(ada, 'location.save', { locationId: 'UK-LON', name: 'London', country: 'UK' });
      assert.match(
        country.readable,
        l === 'fr' ? /« UK » n'est pas un code pays ISO 3166-1 alpha-2/ : /"UK" is not an ISO 3166-1 alpha-2 country code/,
      );
      const future = await drive.click(ada, 'person.save', {
        aadObjectId: `aad-sam-${l}`,
        roles: 'staff',
        locationIds: 'FR-PAR',
        trainingOn_AZDPS: '2027-01-15',
      });
      assert.equal(outcome(future), 'refused');
      assert.match(future.readable, l === 'fr' ? /15 janv\. 2027/ : /Jan 15, 2027/, "the refused date, in the reader's form");
      const outside = await drive.say(ada, `${W[l].add} <at>Eve Elsewhere</at> ${W[l].staff}`, mention('eve', l, 'Eve Elsewhere'));
      assert.match(
        outside.readable,
        l === 'fr'
          ? /Eve Elsewhere n'est pas membre de cette équipe ou de ce locataire/
          : /Eve Elsewhere is not a member of this team or tenant/,
      );
      const nobody = await drive.say(ada, `${W[l].add} <at>Ghost</at> ${W[l].staff}`, {
        entities: [{ type: 'mention', text: '<at>Ghost</at>', mentioned: { id: '29:ghost', name: 'Ghost' } }],
      });
      assert.match(nobody.readable, /Ghost/);
      assert.ok(roster.lookups.includes('29:ghost'), 'the roster was asked');
      assert.equal(await count(), start, 'no change was recorded');
      const partner = await bot.domain.partners.byTenant(tenantOf(l));
      assert.ok(partner);
      assert.equal(await bot.domain.deps.models.people.countDocuments({ partnerId: partner._id, aadObjectId: `aad-eve-${l}` }), 0);
      assert.equal(await bot.domain.deps.models.locations.countDocuments({ partnerId: partner._id, locationId: 'UK-LON' }), 0);
    });
  }
});
