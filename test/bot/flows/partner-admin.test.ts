import assert from 'node:assert/strict';
import { checklistFor } from '../../../domain/program/program.catalog';
import { useBotWorld, type BotWorld } from '../../helpers/bot-world';
import { useTestDatabase } from '../../helpers/db';
import type { Speaker, TurnResult } from '../../helpers/turn-driver';

/**
 * Partner administration verbs through /api/messages (real adapter, real database): who may
 * click what, the last-admin rule, two admins ticking at once, and the cards in both languages.
 */
const ALL_AZDPS = checklistFor('AZDPS').map((i) => i.key);
const toggles = (done: Record<string, boolean>) => Object.fromEntries(Object.entries(done).map(([k, v]) => [`item_${k}`, String(v)]));
const allTicked = toggles(Object.fromEntries(ALL_AZDPS.map((k) => [k, true])));

/** Each admin verb with data an admin may send; `admin` is clicked last, so the refusals meet the same state. */
const VERB_DATA: Record<string, (bw: BotWorld) => Record<string, unknown>> = {
  'partner.setup': () => ({ partnerName: 'Partner padm', approvalDaysThreshold: '10' }),
  'person.edit': (bw) => ({ aadObjectId: bw.w.staffFr.aadObjectId }),
  'person.save': (bw) => ({ aadObjectId: bw.w.staffUs.aadObjectId, roles: 'staff', locationIds: 'US-SEA,FR-PAR' }),
  'person.remove': (bw) => ({ aadObjectId: bw.w.outsider.aadObjectId }),
  'location.edit': () => ({ locationId: 'FR-PAR' }),
  'location.save': (bw) => ({ locationId: 'FR-LYO', name: 'Lyon', country: 'FR', contacts: bw.w.staffFr.aadObjectId }),
  'eligibility.save': () => ({ program: 'AZDPS', shown: ALL_AZDPS.join(','), ...allTicked }),
  'enrollment.save': () => ({
    program: 'AZDPS',
    kind: 'renew',
    agreementSignedOn: '2025-02-20',
    complianceTrainingOn: '2025-02-25',
    locationIds: 'FR-PAR,US-SEA',
  }),
  'profile.save': () => ({
    description: 'Azure planning',
    website: 'https://contoso.example',
    contactEmail: 'hi@contoso.example',
    countries: 'fr, us',
    languages: 'fr,en',
    programs: 'AZDPS',
  }),
};

describe('partner administration verbs and rules through /api/messages (issue 9)', () => {
  const db = useTestDatabase('partner-admin');
  const world = useBotWorld(db, 'padm');
  const changes = (bw: BotWorld) => bw.w.domain.deps.connection.collection('adminChanges').countDocuments();
  const outcome = (bw: BotWorld, r: TurnResult) => bw.bot.log.lines().find((x) => x.msg === 'turn' && x.activityId === r.id)?.outcome;

  for (const [verb, data] of Object.entries(VERB_DATA)) {
    it(`${verb}: staff, manager, an unknown person and another tenant are refused and change nothing; an admin succeeds`, async function () {
      this.timeout(30_000);
      const bw = world();
      const refusedBy: Array<[Speaker, string]> = [
        [bw.as(bw.w.staffUs), 'refused'],
        [bw.as(bw.w.manager, 'fr'), 'refused'],
        [bw.stranger(), 'unknown-person'],
      ];
      if (verb !== 'partner.setup') refusedBy.push([bw.elsewhere('fr'), 'unknown-tenant']);
      const before = await changes(bw);
      for (const [who, expected] of refusedBy) {
        const r = await bw.drive.click(who, verb, data(bw));
        assert.equal(r.status, 200);
        assert.equal(outcome(bw, r), expected, `${verb} by ${who.aadObjectId} (${who.tenantId}): ${String(outcome(bw, r))} ${r.readable}`);
        if (expected === 'refused')
          assert.match(
            r.readable,
            who.locale === 'fr-FR' ? /Seuls les administrateurs partenaires|administrateurs/ : /Only partner admins/,
          );
      }
      assert.equal(await changes(bw), before, 'no refused click changed anything');
      // The admin's own chat, not the conversation of the other-tenant speaker (who shares the admin's AAD id in this world).
      const ok = await bw.drive.click(bw.as(bw.w.admin), verb, data(bw), {
        conversation: { id: 'a:admin-own-chat', conversationType: 'personal', tenantId: bw.tenantId },
      });
      assert.equal(outcome(bw, ok), 'ok', ok.readable);
      assert.ok(ok.invoke?.type === 'application/vnd.microsoft.card.adaptive', 'the clicked card is replaced by a card');
    });
  }

  it('the admin changes above show in the overview, staff may read it and the profile but get no Save', async function () {
    this.timeout(30_000);
    const bw = world();
    const status = await bw.drive.say(bw.as(bw.w.staffFr), 'status');
    assert.equal(outcome(bw, status), 'ok');
    assert.match(status.readable, /Ada Admin removed Otto Outsider/);
    assert.match(status.readable, /Ada Admin saved location FR-LYO/);
    assert.match(status.readable, /Ada Admin renewed AZDPS/);
    const profile = await bw.drive.say(bw.as(bw.w.staffFr, 'fr'), 'profil');
    assert.match(profile.readable, /Azure planning/);
    assert.match(profile.readable, /le bot ne l'envoie pas à Microsoft/);
    assert.ok(!profile.buttons.includes('Enregistrer le profil'));
    const mine = await bw.drive.say(bw.as(bw.w.admin, 'fr'), 'profil');
    assert.ok(mine.buttons.includes('Enregistrer le profil'));
  });

  it('two admins ticking different items at the same moment: both ticks are kept', async function () {
    this.timeout(30_000);
    const bw = world();
    const admin = bw.as(bw.w.admin);
    const [a, b] = ALL_AZDPS;
    assert.ok(a && b);
    await bw.drive.click(admin, 'person.save', { aadObjectId: bw.w.manager.aadObjectId, roles: 'manager,admin', locationIds: '' });
    const second = bw.as(bw.w.manager);
    const shownAfterUntick = ALL_AZDPS.filter((k) => k !== a && k !== b).join(',');
    const untick = await bw.drive.click(
      admin,
      'eligibility.save',
      { program: 'AZDPS', shown: ALL_AZDPS.join(','), ...allTicked, ...toggles({ [a]: false, [b]: false }) },
      { replyToId: 'untick' },
    );
    assert.match(untick.readable, /Status: In progress/);
    // Each admin saw the same card (a and b unticked) and ticks a different item.
    const [ra, rb] = await Promise.all([
      bw.drive.click(
        admin,
        'eligibility.save',
        { program: 'AZDPS', shown: shownAfterUntick, ...allTicked, ...toggles({ [b]: false }) },
        { replyToId: 'card-1' },
      ),
      bw.drive.click(
        second,
        'eligibility.save',
        { program: 'AZDPS', shown: shownAfterUntick, ...allTicked, ...toggles({ [a]: false }) },
        { replyToId: 'card-2' },
      ),
    ]);
    assert.equal(outcome(bw, ra), 'ok');
    assert.equal(outcome(bw, rb), 'ok');
    const view = await bw.w.domain.partners.checklist(bw.w.admin, { program: 'AZDPS' });
    assert.equal(view.status, 'active', JSON.stringify(view.missing));
    assert.equal(view.items.find((i) => i.key === a)?.by, bw.w.admin.aadObjectId);
    assert.equal(view.items.find((i) => i.key === b)?.by, bw.w.manager.aadObjectId);
  });

  it('the last admin cannot remove themselves or drop the role; with a second admin one may go, and their audit entries stay', async function () {
    this.timeout(30_000);
    const bw = world();
    const admin = bw.as(bw.w.admin);
    const mentionOf = (aadObjectId: string, name: string) => ({
      entities: [{ type: 'mention', text: `<at>${name}</at>`, mentioned: { id: `29:${aadObjectId}`, name, aadObjectId } }],
    });
    // The manager is an admin too since the test above; the manager leaves first.
    const gone = await bw.drive.say(admin, 'remove <at>Mia Manager</at>', mentionOf(bw.w.manager.aadObjectId, 'Mia Manager'));
    assert.match(gone.readable, /Mia Manager was removed/);
    const self = await bw.drive.say(admin, 'remove <at>Ada Admin</at>', mentionOf(bw.w.admin.aadObjectId, 'Ada Admin'));
    assert.equal(outcome(bw, self), 'refused');
    assert.match(self.readable, /Ada Admin is the partner's only admin/);
    const drop = await bw.drive.click(bw.as(bw.w.admin, 'fr'), 'person.save', {
      aadObjectId: bw.w.admin.aadObjectId,
      roles: 'staff',
      locationIds: 'FR-PAR',
    });
    assert.equal(outcome(bw, drop), 'refused');
    assert.match(drop.readable, /Ada Admin est le seul administrateur du partenaire/);
    const ada = await bw.w.domain.deps.models.people.findOne({ aadObjectId: bw.w.admin.aadObjectId }).lean();
    assert.deepEqual(ada?.roles, ['admin']);
    const kept = await bw.w.domain.deps.connection.collection('adminChanges').countDocuments({ byAadObjectId: bw.w.manager.aadObjectId });
    assert.ok(kept >= 1, "the removed admin's ticks stay in the audit");
  });

  it('a double-clicked Save and a redelivered remove are applied once, and the second gets the same answer', async function () {
    this.timeout(30_000);
    const bw = world();
    const admin = bw.as(bw.w.admin);
    const before = await changes(bw);
    const data = { locationId: 'NL-AMS', name: 'Amsterdam', country: 'NL' };
    const [first, second] = await Promise.all([
      bw.drive.click(admin, 'location.save', data, { replyToId: 'dbl' }),
      bw.drive.click(admin, 'location.save', data, { replyToId: 'dbl' }),
    ]);
    assert.equal(await changes(bw), before + 1);
    assert.equal(first.readable, second.readable);
    await bw.w.domain.people.upsert(bw.w.admin, { aadObjectId: 'aad-temp', name: 'Tim Temp', email: 'tim@padm.test', roles: ['staff'] });
    const activity = bw.drive.activity(admin, {
      type: 'message',
      text: 'remove <at>Tim Temp</at>',
      entities: [
        { type: 'mention', text: '<at>Tim Temp</at>', mentioned: { id: '29:aad-temp', name: 'Tim Temp', aadObjectId: 'aad-temp' } },
      ],
    });
    const once = await bw.drive.post(activity);
    const again = await bw.drive.post(activity);
    assert.match(once.readable, /Tim Temp was removed/);
    assert.equal(again.readable, once.readable);
    assert.equal(await changes(bw), before + 2);
  });

  it('help shows the partner administration commands to admins, and the overview and profile to everyone', async function () {
    this.timeout(30_000);
    const bw = world();
    const admin = await bw.drive.say(bw.as(bw.w.admin, 'fr'), 'aide');
    assert.match(admin.readable, /ajouter @nom \\?<rôle\.\.\.> \[site\.\.\.\]/);
    assert.match(admin.readable, /inscrire \\?<programme>/);
    const staff = await bw.drive.say(bw.as(bw.w.staffFr), 'help');
    assert.match(staff.readable, /status/);
    assert.match(staff.readable, /profile/);
    assert.doesNotMatch(staff.readable, /add @name|enroll \\?<program>|\*\*people\*\*/);
  });

  for (const l of ['en', 'fr'] as const) {
    it(`${l}: people, locations, eligibility without a program, renew, and an unknown program`, async function () {
      this.timeout(30_000);
      const bw = world();
      const admin = bw.as(bw.w.admin, l);
      const fr = l === 'fr';
      const people = await bw.drive.say(admin, fr ? 'personnes' : 'people');
      assert.match(people.readable, fr ? /Personnes de Partner padm/ : /People of Partner padm/);
      assert.match(people.readable, fr ? /Qualifié pour : AZDPS/ : /Qualified for: AZDPS/);
      const locations = await bw.drive.say(admin, fr ? 'sites' : 'locations');
      assert.match(locations.readable, fr ? /Approuvé pour : AZDPS/ : /Approved for: AZDPS/);
      assert.match(locations.readable, fr ? /États-Unis/ : /United States/);
      assert.match(
        locations.readable,
        fr ? /FR-LYO: Lyon[\s\S]*Contacts : Sacha Staff/ : /FR-LYO: Lyon[\s\S]*Contacts: Sacha Staff/,
        'the contact picked on the form',
      );
      const form = await bw.drive.say(admin, `${fr ? 'sites' : 'locations'} DE-MUC`);
      assert.match(form.readable, fr ? /Nouveau site/ : /New location/);
      const overview = await bw.drive.say(admin, fr ? 'éligibilité' : 'eligibility');
      assert.match(overview.readable, fr ? /AZDPS : éligibilité Active/ : /AZDPS: eligibility Active/);
      const renew = await bw.drive.say(admin, `${fr ? 'renouveler' : 'renew'} ddps`);
      assert.ok(renew.buttons.includes(fr ? 'Renouveler' : 'Renew'), renew.buttons.join());
      const wrong = await bw.drive.say(admin, `${fr ? 'inscrire' : 'enroll'} FOO`);
      assert.match(wrong.readable, fr ? /« FOO » n'est pas un programme/ : /"FOO" is not a program/);
    });
  }
});
