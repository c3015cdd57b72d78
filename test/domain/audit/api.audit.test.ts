import assert from 'node:assert/strict';
import { Types } from 'mongoose';
import type { Actor } from '../../../domain/domain';
import { mailboxService } from '../../../domain/partner/mailbox.service';
import { partnerAdmin } from '../../../domain/partner/partner-admin';
import { systemActor } from '../../../domain/person/person.service';
import { checklistFor } from '../../../domain/program/program.catalog';
import { useTestDatabase } from '../../helpers/db';
import { completedVoucher, createWorld, newVoucher, reserveFr, START, type World } from '../world';
import { assertResultShape, idOf, refusedWithoutTrace } from './audit-helpers';

/**
 * Audit of the API the bot calls (issue 7, "An API the bot can call"): roles read from the
 * database only, every query checks the role, every action honours `expectedState`, one result shape.
 */
describe('audit: the domain API (roles from the database, role checks, expectedState, one shape)', function () {
  this.timeout(120_000);
  const db = useTestDatabase('audit-api');
  let w: World;
  let nobody: Actor;
  before(async () => {
    w = await createWorld(db.connection, 'audit-api');
    await w.domain.people.upsert(systemActor(w.admin.partnerId), {
      aadObjectId: 'audit-nobody',
      name: 'No Role',
      email: 'no@audit.test',
      roles: [],
    });
    nobody = await w.domain.people.resolveActor(w.admin.partnerId, 'audit-nobody');
  });
  beforeEach(() => w.clock.set(START));

  describe('a hand-built or copied actor cannot act: roles come from people.resolveActor', () => {
    const forged = (base: () => Actor, over: Partial<Actor>) => () => ({ ...base(), ...over }) as Actor;
    const rows: { name: string; act: (v: string) => Promise<unknown> }[] = [
      {
        name: 'staff copied with the manager role approves',
        act: async (v) => w.domain.approvals.approve(forged(() => w.staffFr, { roles: ['manager'] })(), { approvalId: v }),
      },
      { name: 'an exact copy of the manager approves', act: async (v) => w.domain.approvals.approve({ ...w.manager }, { approvalId: v }) },
      {
        name: 'staff with a location added reserves there',
        act: async (v) =>
          w.domain.vouchers.reserve(forged(() => w.staffUs, { locationIds: ['FR-PAR'] })(), {
            voucherId: v,
            locationId: 'FR-PAR',
            engagementCountry: 'FR',
            termsAccepted: true,
          }),
      },
      {
        name: 'staff made admin adds a person',
        act: async () =>
          w.domain.people.upsert(forged(() => w.staffFr, { roles: ['admin'] })(), {
            aadObjectId: 'forged-1',
            name: 'F',
            email: 'f@audit.test',
            roles: ['admin'],
          }),
      },
      {
        name: 'staff made system adds a person',
        act: async () =>
          w.domain.people.upsert(forged(() => w.staffFr, { roles: ['system'] })(), {
            aadObjectId: 'forged-2',
            name: 'F',
            email: 'f@audit.test',
            roles: ['admin'],
          }),
      },
      {
        name: 'a role-less person made staff reads vouchers',
        act: async () => w.domain.queries.list(forged(() => nobody, { roles: ['staff'] })()),
      },
      {
        name: 'a role-less person made staff takes a voucher in',
        act: async () =>
          w.domain.vouchers.intake(forged(() => nobody, { roles: ['staff'] })(), {
            voucherNumber: 'FORGED-1',
            days: 5,
            program: 'AZDPS',
            assignedOn: '2025-03-01',
            source: { kind: 'manual' },
          }),
      },
      {
        name: 'staff of another partner id reads approvals',
        act: async (v) => w.domain.approvals.get(forged(() => w.manager, { partnerId: new Types.ObjectId() })(), v),
      },
      { name: 'a manager copy lists pending approvals', act: async () => w.domain.approvals.pendingFor({ ...w.manager }) },
      {
        name: 'staff made admin saves a location',
        act: async () =>
          w.domain.partners.upsertLocation(forged(() => w.staffFr, { roles: ['admin'] })(), {
            locationId: 'FR-PAR',
            name: 'Taken',
            country: 'FR',
          }),
      },
      {
        name: 'staff made admin unticks eligibility',
        act: async () =>
          w.domain.partners.tickEligibility(forged(() => w.staffFr, { roles: ['admin'] })(), {
            program: 'AZDPS',
            item: checklistFor('AZDPS')[0]?.key ?? '',
            done: false,
          }),
      },
      {
        name: 'staff made admin updates the profile',
        act: async () =>
          w.domain.partners.updateProfile(forged(() => w.staffFr, { roles: ['admin'] })(), {
            description: 'x',
            website: null,
            contactEmail: null,
            countries: [],
            languages: [],
            programs: [],
          }),
      },
      {
        name: 'staff made admin unticks through partner administration',
        act: async () =>
          partnerAdmin(w.domain.deps).enrollment.tick(forged(() => w.staffFr, { roles: ['admin'] })(), {
            program: 'AZDPS',
            changes: [{ item: checklistFor('AZDPS')[0]?.key ?? '', done: false }],
          }),
      },
      {
        name: 'staff made admin removes the admin through partner administration',
        act: async () =>
          partnerAdmin(w.domain.deps).people.removePerson(forged(() => w.staffFr, { roles: ['admin'] })(), {
            aadObjectId: w.admin.aadObjectId,
          }),
      },
      {
        name: 'staff made admin asks to redeem',
        act: async (v) => w.domain.approvals.requestRedemption(forged(() => w.staffUs, { roles: ['admin'] })(), { voucherIds: [v] }),
      },
      {
        name: 'staff made admin renames the partner',
        act: async () =>
          w.domain.partners.upsertPartner(forged(() => w.staffFr, { roles: ['admin'] })(), { slug: 'audit-api', name: 'Forged' }),
      },
      {
        name: 'staff made admin points the customer mailbox elsewhere',
        act: async () =>
          mailboxService(w.domain.deps).set(forged(() => w.staffFr, { roles: ['admin'] })(), { address: 'forged@audit.test' }),
      },
      {
        name: 'a role-less person made staff reads the partner overview',
        act: async () => partnerAdmin(w.domain.deps).overview(forged(() => nobody, { roles: ['staff'] })()),
      },
      {
        name: 'a role-less person made staff reads the locations',
        act: async () => partnerAdmin(w.domain.deps).locations.list(forged(() => nobody, { roles: ['staff'] })()),
      },
    ];
    for (const row of rows) {
      it(`${row.name}: refused PERSON_NOT_FOUND, nothing written`, async () => {
        const big = await newVoucher(w, { days: 10 });
        const asked = await reserveFr(w, big, { plannedStart: '2025-03-20' });
        const approvalId = String(asked.approval?._id);
        await refusedWithoutTrace(
          w,
          () => row.act(row.name.includes('approv') && !row.name.includes('lists') ? approvalId : idOf(big)),
          'PERSON_NOT_FOUND',
        );
        await w.domain.approvals.reject(w.manager, { approvalId, comment: 'audit cleanup' });
      });
    }

    it('an issued actor cannot be changed in place', () => {
      assert.throws(() => (w.staffFr.roles as string[]).push('admin'), TypeError);
      assert.throws(() => Object.assign(w.staffFr, { roles: ['admin'] }), TypeError);
      assert.deepEqual([...w.staffFr.roles], ['staff']);
    });
  });

  describe('queries take the actor and check its role', () => {
    const queries: { name: string; run: (a: Actor, v: string, approvalId: string) => Promise<unknown>; roles: 'any' | 'manager' }[] = [
      { name: 'queries.list', run: (a) => w.domain.queries.list(a), roles: 'any' },
      { name: 'queries.details', run: (a, v) => w.domain.queries.details(a, v), roles: 'any' },
      { name: 'queries.consultants', run: (a, v) => w.domain.queries.consultants(a, v), roles: 'any' },
      { name: 'queries.byState', run: (a) => w.domain.queries.byState(a, ['assigned']), roles: 'any' },
      { name: 'queries.byLocation', run: (a) => w.domain.queries.byLocation(a, 'FR-PAR'), roles: 'any' },
      { name: 'queries.expiringWithin', run: (a) => w.domain.queries.expiringWithin(a, 30), roles: 'any' },
      { name: 'queries.claimsDueWithin', run: (a) => w.domain.queries.claimsDueWithin(a, 30), roles: 'any' },
      { name: 'queries.search', run: (a) => w.domain.queries.search(a, 'Customer'), roles: 'any' },
      { name: 'queries.countByState', run: (a) => w.domain.queries.countByState(a), roles: 'any' },
      { name: 'vouchers.get', run: (a, v) => w.domain.vouchers.get(a, v), roles: 'any' },
      { name: 'approvals.get', run: (a, _v, ap) => w.domain.approvals.get(a, ap), roles: 'any' },
      { name: 'people.list', run: (a) => w.domain.people.list(a), roles: 'any' },
      {
        name: 'vouchers.availableActions',
        run: async (a, v) => w.domain.vouchers.availableActions(a, await w.domain.vouchers.get(w.admin, v)),
        roles: 'any',
      },
      { name: 'approvals.pendingFor', run: (a) => w.domain.approvals.pendingFor(a), roles: 'manager' },
      { name: 'partner overview', run: (a) => partnerAdmin(w.domain.deps).overview(a), roles: 'any' },
      { name: 'partner and settings', run: (a) => partnerAdmin(w.domain.deps).partner(a), roles: 'any' },
      { name: 'enrollments', run: (a) => partnerAdmin(w.domain.deps).enrollment.enrollments(a), roles: 'any' },
      { name: 'one enrollment', run: (a) => partnerAdmin(w.domain.deps).enrollment.enrollment(a, 'AZDPS'), roles: 'any' },
      { name: 'eligibility checklist', run: (a) => partnerAdmin(w.domain.deps).enrollment.checklist(a, 'AZDPS'), roles: 'any' },
      { name: 'eligibility checklists', run: (a) => w.domain.partners.checklists(a), roles: 'any' },
      { name: 'directory profile', run: (a) => partnerAdmin(w.domain.deps).profile.get(a), roles: 'any' },
      { name: 'programs the profile may offer', run: (a) => partnerAdmin(w.domain.deps).profile.offerable(a), roles: 'any' },
      { name: 'locations', run: (a) => partnerAdmin(w.domain.deps).locations.list(a), roles: 'any' },
      { name: 'one location', run: (a) => partnerAdmin(w.domain.deps).locations.get(a, 'FR-PAR'), roles: 'any' },
      { name: 'one person', run: (a) => partnerAdmin(w.domain.deps).people.findPerson(a, w.admin.aadObjectId), roles: 'any' },
    ];
    for (const q of queries) {
      it(`${q.name}: refused for a person without the role, answered for one with it`, async () => {
        const v = await newVoucher(w, { days: 10 });
        const asked = await reserveFr(w, v, { plannedStart: '2025-03-20' });
        const approvalId = String(asked.approval?._id);
        const e = await refusedWithoutTrace(
          w,
          () => q.run(q.roles === 'manager' ? w.staffFr : nobody, idOf(v), approvalId),
          'NOT_PERMITTED',
        );
        assert.ok(Array.isArray((e.params as { roles: unknown }).roles));
        await q.run(q.roles === 'manager' ? w.manager : w.staffUs, idOf(v), approvalId);
        if (q.name === 'approvals.pendingFor')
          assert.ok((await w.domain.approvals.pendingFor(w.manager)).some((a) => String(a._id) === approvalId));
        await w.domain.approvals.reject(w.manager, { approvalId, comment: 'audit cleanup' });
      });
    }
  });

  describe('every action honours the state the user saw (expectedState) and returns one shape', () => {
    type Act = (a: { voucherId: string; expectedState: 'paid' }) => Promise<unknown>;
    const actions: [string, Act][] = [
      ['validate', (r) => w.domain.vouchers.validate(w.staffFr, { ...r, voucherAdminEmail: 'it-admin@customer.test' })],
      ['correct', (r) => w.domain.vouchers.correct(w.staffFr, { ...r, customerName: 'Other' })],
      [
        'reserve',
        (r) => w.domain.vouchers.reserve(w.staffFr, { ...r, locationId: 'FR-PAR', engagementCountry: 'FR', termsAccepted: true }),
      ],
      ['cancel', (r) => w.domain.vouchers.cancel(w.staffFr, { ...r, reason: 'audit' })],
      [
        'schedule',
        (r) =>
          w.domain.vouchers.schedule(w.staffFr, {
            ...r,
            start: '2025-03-10',
            end: '2025-03-11',
            consultantAadObjectId: w.staffFr.aadObjectId,
          }),
      ],
      [
        'complete',
        (r) =>
          w.domain.vouchers.complete(w.staffFr, { ...r, deliveredOn: '2025-03-03', summary: 's', attendees: ['a'], recommendations: 'r' }),
      ],
      ['claim', (r) => w.domain.vouchers.claim(w.staffFr, { ...r, claimNumber: 'C-1' })],
      ['markPaid', (r) => w.domain.vouchers.markPaid(w.staffFr, { ...r, paidOn: '2025-03-03' })],
      ['addLink', (r) => w.domain.deliverables.addLink(w.staffFr, { ...r, name: 'Plan', url: 'https://contoso.sharepoint.com/plan.docx' })],
      [
        'upload',
        (r) =>
          w.domain.deliverables.upload(w.staffFr, {
            ...r,
            fileName: 'plan.pdf',
            contentType: 'application/pdf',
            data: Buffer.from('%PDF-1.4'),
          }),
      ],
      [
        'requestRedemption',
        (r) => w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [r.voucherId], expectedState: r.expectedState }),
      ],
    ];
    for (const [name, act] of actions) {
      it(`${name}: a stale card is refused VOUCHER_CHANGED and nothing is written`, async () => {
        for (const v of [await newVoucher(w), await completedVoucher(w)]) {
          const e = await refusedWithoutTrace(w, () => act({ voucherId: idOf(v), expectedState: 'paid' }), 'VOUCHER_CHANGED');
          assert.deepEqual(e.params, { number: v.number, expected: 'paid', state: v.state });
        }
      });
    }

    it('the whole lifecycle, each step with the state seen, returns { vouchers, approval, notices }', async () => {
      const v = await newVoucher(w);
      const ref = (s: 'assigned' | 'reserved' | 'scheduled' | 'completed' | 'redeemed' | 'claimed') => ({
        voucherId: idOf(v),
        expectedState: s,
      });
      const steps = [
        () => w.domain.vouchers.correct(w.staffFr, { ...ref('assigned'), customerName: 'Renamed Customer' }),
        () =>
          w.domain.vouchers.reserve(w.staffFr, { ...ref('assigned'), locationId: 'FR-PAR', engagementCountry: 'FR', termsAccepted: true }),
        () =>
          w.domain.vouchers.schedule(w.staffFr, {
            ...ref('reserved'),
            start: '2025-03-10',
            end: '2025-03-14',
            consultantAadObjectId: w.staffFr.aadObjectId,
          }),
        () =>
          w.domain.deliverables.addLink(w.staffFr, { ...ref('scheduled'), name: 'Plan', url: 'https://contoso.sharepoint.com/plan.docx' }),
      ];
      for (const step of steps) assertResultShape(await step());
      w.clock.set('2025-03-15T09:00:00Z');
      assertResultShape(
        await w.domain.vouchers.complete(w.staffFr, {
          ...ref('scheduled'),
          deliveredOn: '2025-03-14',
          summary: 's',
          attendees: ['CIO'],
          recommendations: 'r',
        }),
      );
      const asked = await w.domain.approvals.requestRedemption(w.staffFr, { voucherIds: [idOf(v)], expectedState: 'completed' });
      assertResultShape(asked);
      assertResultShape(await w.domain.approvals.approve(w.manager, { approvalId: String(asked.approval._id) }));
      assertResultShape(await w.domain.vouchers.claim(w.staffFr, { ...ref('redeemed'), claimNumber: 'CLM-1' }));
      const paid = await w.domain.vouchers.markPaid(w.staffFr, { ...ref('claimed'), paidOn: '2025-03-15' });
      assertResultShape(paid);
      assert.equal(paid.voucher.state, 'paid');
    });
  });
});
