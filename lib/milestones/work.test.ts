import { eq } from 'drizzle-orm';
import {
  auditLog,
  milestoneEvents,
  milestoneFiles,
  pendingReleases,
  simulatedRefunds,
  storedFiles,
} from '@/db/schema';
import { useFakeClock } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { pdfBytes } from '@/tests/helpers/compliance-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  creditNotesOf,
  emailsTo,
  fundedMilestone,
  moneyOf,
  opsViewer,
  stateOf,
  type FundedMilestone,
} from '@/tests/helpers/milestone-work-fixtures';
import { exeBytes, zipBytes } from '@/tests/helpers/submission-files';
import { refundKeyOf } from './escrow-moves';
import {
  answerRefundRequest,
  decideMilestoneRefund,
  expireRefundAnswers,
  listRefundsForOps,
  refundAtProvider,
  requestMilestoneRefund,
} from './refunds';
import {
  approveMilestone,
  autoApproveDueMilestones,
  releaseMilestoneNow,
  remindBeforeAutoApproval,
  requestMilestoneChanges,
} from './review';
import { checkAttachments } from '@/lib/files/attachments';
import { submitMilestone } from './submission';
import { submissionSchema } from './submission-schemas';

const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2027-03-01T10:00:00Z');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: ReturnType<typeof useFakeClock>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());
beforeEach(() => {
  clock = useFakeClock(START);
});
afterEach(() => clock.restore());

const provider = () => createSimulatedProvider(database.db);
const ref = (m: FundedMilestone) => ({ contractId: m.contractId, milestoneId: m.milestoneId });

async function submit(m: FundedMilestone, files = [] as Awaited<ReturnType<typeof checkedFiles>>) {
  return submitMilestone(database.db, {
    ...ref(m),
    viewer: m.freelancerViewer,
    message: 'Here are the sketches.',
    links: ['https://example.com/figma'],
    files,
  });
}

async function checkedFiles() {
  const checked = await checkAttachments([
    { fileName: 'Sketches.pdf', bytes: pdfBytes() },
    { fileName: 'sources.zip', bytes: zipBytes() },
  ]);
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  return checked.files;
}

async function expectLedgerHolds() {
  const { problems } = await moneyOf(database.db, await fundedMilestoneFor());
  expect(problems).toEqual([]);
}
let spare: FundedMilestone | null = null;
async function fundedMilestoneFor() {
  spare ??= await fundedMilestone(database.db, provider());
  return spare;
}

describe('submission', () => {
  it('refuses an unfunded milestone, another freelancer and the client', async () => {
    const m = await fundedMilestone(database.db, provider());
    const other = await fundedMilestone(database.db, provider());
    // The contract's second milestone has no state yet: unfunded.
    const { milestones } = await import('@/db/schema');
    const rows = await database.db
      .select()
      .from(milestones)
      .where(eq(milestones.contractId, m.contractId));
    const second = rows.find((r) => r.id !== m.milestoneId)!;
    const unfunded = await submitMilestone(database.db, {
      contractId: m.contractId,
      milestoneId: second.id,
      viewer: m.freelancerViewer,
      message: 'Done',
      links: [],
      files: [],
    });
    expect(unfunded).toMatchObject({ ok: false, reason: 'not-funded' });
    const stranger = await submitMilestone(database.db, {
      ...ref(m),
      viewer: other.freelancerViewer,
      message: 'Mine now',
      links: [],
      files: [],
    });
    expect(stranger).toMatchObject({ ok: false, reason: 'unknown' });
    const byClient = await submitMilestone(database.db, {
      ...ref(m),
      viewer: m.clientViewer,
      message: 'Done',
      links: [],
      files: [],
    });
    expect(byClient).toMatchObject({ ok: false, reason: 'not-freelancer' });
    expect((await stateOf(database.db, m.milestoneId)).status).toBe('funded');
  });

  it('submits with message, links and files: stored privately, the client emailed, audited', async () => {
    const m = await fundedMilestone(database.db, provider());
    const before = await moneyOf(database.db, m);
    const result = await submit(m, await checkedFiles());
    expect(result.ok).toBe(true);
    const state = await stateOf(database.db, m.milestoneId);
    expect(state.status).toBe('submitted');
    expect(state.autoApproveAt).toEqual(new Date(START.getTime() + 14 * DAY));
    const [event] = await database.db
      .select()
      .from(milestoneEvents)
      .where(eq(milestoneEvents.milestoneId, m.milestoneId));
    expect(event).toMatchObject({ type: 'submitted', links: ['https://example.com/figma'] });
    const files = await database.db
      .select({
        name: storedFiles.fileName,
        mime: storedFiles.mimeType,
        purpose: storedFiles.purpose,
      })
      .from(milestoneFiles)
      .innerJoin(storedFiles, eq(storedFiles.id, milestoneFiles.fileId))
      .where(eq(milestoneFiles.eventId, event.id));
    expect(files.map((f) => f.mime).sort()).toEqual(['application/pdf', 'application/zip']);
    expect(files.every((f) => f.purpose === 'milestone-file')).toBe(true);
    expect(await emailsTo(database.db, m.client.userId, 'milestone-submitted')).toHaveLength(1);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, m.milestoneId));
    expect(audit.map((a) => a.action)).toContain('milestone.submitted');
    const after = await moneyOf(database.db, m);
    expect(after.escrow).toBe(before.escrow);
    expect(after.problems).toEqual([]);
  });

  it('refuses work on a contract that ended or has not started; a resubmission after the ending is taken', async () => {
    const { contracts } = await import('@/db/schema');
    const setContract = (m: FundedMilestone, set: Partial<typeof contracts.$inferInsert>) =>
      database.db.update(contracts).set(set).where(eq(contracts.id, m.contractId));
    const endedAt = new Date('2027-02-27T09:00:00Z');
    const ended = { status: 'ended' as const, endedAt, endMessage: 'Thanks, done.' };

    // Funded, and the contract ended (a funding that settled after the ending, say).
    const m = await fundedMilestone(database.db, provider());
    await setContract(m, ended);
    expect(await submit(m)).toEqual({
      ok: false,
      reason: 'contract-ended',
      message: 'This contract ended on February 27, 2027: it takes no new submissions.',
    });
    expect((await stateOf(database.db, m.milestoneId)).status).toBe('funded');
    expect(await emailsTo(database.db, m.client.userId, 'milestone-submitted')).toEqual([]);

    const waiting = await fundedMilestone(database.db, provider());
    await setContract(waiting, { status: 'awaiting_compliance' });
    expect(await submit(waiting)).toMatchObject({
      ok: false,
      reason: 'contract-not-started',
      message: expect.stringContaining('once your compliance check is approved'),
    });
    expect((await stateOf(database.db, waiting.milestoneId)).status).toBe('funded');

    // Sent back for changes before the ending: the resubmission is its way out of escrow.
    const sentBack = await fundedMilestone(database.db, provider());
    expect((await submit(sentBack)).ok).toBe(true);
    await requestMilestoneChanges(database.db, {
      ...ref(sentBack),
      viewer: sentBack.clientViewer,
      message: 'One more pass.',
    });
    await setContract(sentBack, ended);
    expect(await submit(sentBack)).toMatchObject({ ok: true });
    expect((await stateOf(database.db, sentBack.milestoneId)).status).toBe('submitted');
    // …but not a second one while it is in review.
    expect(await submit(sentBack)).toMatchObject({ ok: false, reason: 'contract-ended' });
  });

  it('judges files by content and size: a 26 MB file and an .exe named .pdf are refused', async () => {
    const big = new Uint8Array(26 * 1024 * 1024);
    big.set(pdfBytes());
    const checked = await checkAttachments([
      { fileName: 'huge.pdf', bytes: big },
      { fileName: 'work.pdf', bytes: exeBytes() },
      { fileName: 'fine.zip', bytes: zipBytes() },
    ]);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toHaveLength(2);
    expect(checked.errors[0]).toMatch(/^huge\.pdf: This file is 26 MB; the limit is 25 MB/);
    expect(checked.errors[1]).toMatch(/^work\.pdf: This file isn't a PDF, PNG, JPEG or ZIP file/);
  });

  it('takes https links only, ten at most', () => {
    const base = {
      contractId: crypto.randomUUID(),
      milestoneId: crypto.randomUUID(),
      message: 'x',
    };
    expect(submissionSchema.safeParse({ ...base, links: 'http://example.com' }).success).toBe(
      false,
    );
    expect(submissionSchema.safeParse({ ...base, links: 'javascript:alert(1)' }).success).toBe(
      false,
    );
    const eleven = Array.from({ length: 11 }, (_, i) => `https://example.com/${i}`).join('\n');
    expect(submissionSchema.safeParse({ ...base, links: eleven }).success).toBe(false);
    const ok = submissionSchema.parse({
      ...base,
      links: 'https://a.example/x\nhttps://b.example/y',
    });
    expect(ok.links).toEqual(['https://a.example/x', 'https://b.example/y']);
  });
});

describe('review', () => {
  it('approval releases the stored fee and net once; a second approval moves nothing', async () => {
    const m = await fundedMilestone(database.db, provider());
    await submit(m);
    const before = await moneyOf(database.db, m);
    expect(
      await approveMilestone(database.db, { ...ref(m), viewer: m.clientViewer }),
    ).toMatchObject({
      ok: true,
      status: 'released',
    });
    const after = await moneyOf(database.db, m);
    expect(after.escrow).toBe(before.escrow - m.grossCents);
    expect(after.pending).toBe(before.pending + m.grossCents - m.feeCents);
    expect(after.fees).toBe(before.fees + m.feeCents);
    expect(after.problems).toEqual([]);
    const [release] = await database.db
      .select()
      .from(pendingReleases)
      .where(eq(pendingReleases.sourceId, m.milestoneId));
    expect(release).toMatchObject({
      sourceType: 'milestone',
      amountCents: m.grossCents - m.feeCents,
    });
    expect(release.availableAt).toEqual(new Date(START.getTime() + 5 * DAY));
    const again = await approveMilestone(database.db, { ...ref(m), viewer: m.clientViewer });
    expect(again).toMatchObject({ ok: false, reason: 'already-released' });
    expect(await moneyOf(database.db, m)).toEqual(after);
    expect(await emailsTo(database.db, m.freelancerId, 'milestone-released')).toHaveLength(1);
  });

  it('changes requested go back to the freelancer, who resubmits; the freelancer cannot approve', async () => {
    const m = await fundedMilestone(database.db, provider());
    await submit(m);
    expect(
      await approveMilestone(database.db, { ...ref(m), viewer: m.freelancerViewer }),
    ).toMatchObject({
      ok: false,
      reason: 'not-client',
    });
    const changes = await requestMilestoneChanges(database.db, {
      ...ref(m),
      viewer: m.clientViewer,
      message: 'The logo should be blue.',
    });
    expect(changes).toMatchObject({ ok: true, status: 'changes_requested' });
    expect((await stateOf(database.db, m.milestoneId)).autoApproveAt).toBeNull();
    expect(await emailsTo(database.db, m.freelancerId, 'milestone-changes-requested')).toHaveLength(
      1,
    );
    clock.set(new Date(START.getTime() + 2 * DAY));
    expect((await submit(m)).ok).toBe(true);
    const state = await stateOf(database.db, m.milestoneId);
    expect(state.status).toBe('submitted');
    expect(state.autoApproveAt).toEqual(new Date(START.getTime() + 16 * DAY));
  });

  it('releases a funded milestone early, without a submission', async () => {
    const m = await fundedMilestone(database.db, provider());
    const before = await moneyOf(database.db, m);
    expect(
      await releaseMilestoneNow(database.db, { ...ref(m), viewer: m.clientViewer }),
    ).toMatchObject({
      ok: true,
    });
    const after = await moneyOf(database.db, m);
    expect(after.pending - before.pending).toBe(m.grossCents - m.feeCents);
    expect(after.problems).toEqual([]);
  });

  it('reminds the client once 3 days before, then approves automatically after 14 days', async () => {
    const m = await fundedMilestone(database.db, provider());
    await submit(m);
    const due = START.getTime() + 14 * DAY;
    expect(await remindBeforeAutoApproval(database.db, new Date(due - 3 * DAY - 1000))).toBe(0);
    expect(
      await remindBeforeAutoApproval(database.db, new Date(due - 3 * DAY)),
    ).toBeGreaterThanOrEqual(1);
    expect(await remindBeforeAutoApproval(database.db, new Date(due - 2 * DAY))).toBe(0);
    expect(
      await emailsTo(database.db, m.client.userId, 'milestone-auto-approval-reminder'),
    ).toHaveLength(1);
    expect(await autoApproveDueMilestones(database.db, new Date(due - 1000))).toBe(0);
    const before = await moneyOf(database.db, m);
    clock.set(new Date(due));
    expect(await autoApproveDueMilestones(database.db, new Date(due))).toBeGreaterThanOrEqual(1);
    expect((await stateOf(database.db, m.milestoneId)).status).toBe('released');
    const after = await moneyOf(database.db, m);
    expect(after.pending - before.pending).toBe(m.grossCents - m.feeCents);
    expect(after.problems).toEqual([]);
    expect(await autoApproveDueMilestones(database.db, new Date(due + DAY))).toBe(0);
    const late = await approveMilestone(database.db, { ...ref(m), viewer: m.clientViewer });
    expect(late).toMatchObject({ ok: false, reason: 'already-released' });
    expect(await emailsTo(database.db, m.client.userId, 'milestone-auto-approved')).toHaveLength(1);
  });
});

describe('refunds', () => {
  it('freelancer agrees: escrow back to the client, a credit note, the card refunded once', async () => {
    const m = await fundedMilestone(database.db, provider());
    const request = await requestMilestoneRefund(database.db, {
      ...ref(m),
      viewer: m.clientViewer,
      message: 'We cancelled the project.',
    });
    expect(request).toMatchObject({ ok: true, status: 'refund_requested' });
    expect((await stateOf(database.db, m.milestoneId)).refundAnswerDueAt).toEqual(
      new Date(START.getTime() + 7 * DAY),
    );
    expect(await emailsTo(database.db, m.freelancerId, 'milestone-refund-requested')).toHaveLength(
      1,
    );
    // Submitting now is refused, naming the refund request.
    const late = await submit(m);
    expect(late).toMatchObject({ ok: false, reason: 'refund-requested' });
    if (!late.ok) expect(late.message).toMatch(/asked for this milestone’s money back/);

    const funding = await balanceOf(database.db, accounts.clientFunding());
    const agreed = await answerRefundRequest(database.db, provider(), {
      ...ref(m),
      viewer: m.freelancerViewer,
      answer: 'agree',
      message: '',
    });
    expect(agreed).toMatchObject({ ok: true, status: 'refunded', providerRefund: { ok: true } });
    const money = await moneyOf(database.db, m);
    expect(money.escrow).toBe(0);
    expect(money.problems).toEqual([]);
    expect(await balanceOf(database.db, accounts.clientFunding())).toBe(funding + m.grossCents);
    const notes = await creditNotesOf(database.db, m.invoiceId);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ grossCents: m.grossCents, paymentStatus: 'paid' });
    // The provider's refund is idempotent per key: once more refunds nothing more.
    await refundAtProvider(database.db, provider(), { milestone: { id: m.milestoneId } as never });
    const refunds = await database.db
      .select()
      .from(simulatedRefunds)
      .where(eq(simulatedRefunds.idempotencyKey, refundKeyOf(m.milestoneId)));
    expect(refunds).toHaveLength(1);
    expect(refunds[0].amountCents).toBe(m.grossCents);
    expect(await emailsTo(database.db, m.client.userId, 'milestone-refunded')).toHaveLength(1);
  });

  it('refuses a refund of a submitted milestone with a message saying why', async () => {
    const m = await fundedMilestone(database.db, provider());
    await submit(m);
    const refused = await requestMilestoneRefund(database.db, {
      ...ref(m),
      viewer: m.clientViewer,
      message: 'Give it back',
    });
    expect(refused).toMatchObject({ ok: false, reason: 'submitted' });
    if (!refused.ok)
      expect(refused.message).toMatch(/submitted work .* before your request arrived/);
  });

  it('refused by the freelancer: ops decides a release; a second decision moves nothing', async () => {
    const m = await fundedMilestone(database.db, provider());
    const ops = await opsViewer(database.db);
    await requestMilestoneRefund(database.db, {
      ...ref(m),
      viewer: m.clientViewer,
      message: 'Stop.',
    });
    const early = await decideMilestoneRefund(database.db, provider(), {
      ...ref(m),
      viewer: ops,
      decision: 'refund',
      note: 'Too early',
    });
    expect(early).toMatchObject({ ok: false, reason: 'waiting-for-freelancer' });
    await answerRefundRequest(database.db, provider(), {
      ...ref(m),
      viewer: m.freelancerViewer,
      answer: 'refuse',
      message: 'The work is half done.',
    });
    expect(await emailsTo(database.db, m.client.userId, 'milestone-refund-refused')).toHaveLength(
      1,
    );
    const queue = await listRefundsForOps(database.db);
    expect(queue.map((q) => q.milestoneId)).toContain(m.milestoneId);
    const notOps = await decideMilestoneRefund(database.db, provider(), {
      ...ref(m),
      viewer: m.clientViewer,
      decision: 'refund',
      note: 'Me',
    });
    expect(notOps).toMatchObject({ ok: false, reason: 'unknown' });
    const before = await moneyOf(database.db, m);
    const decided = await decideMilestoneRefund(database.db, provider(), {
      ...ref(m),
      viewer: ops,
      decision: 'release',
      note: 'Work was delivered in the chat.',
    });
    expect(decided).toMatchObject({ ok: true, status: 'released' });
    expect(await emailsTo(database.db, m.client.userId, 'milestone-refund-decided')).toHaveLength(
      1,
    );
    expect(await emailsTo(database.db, m.freelancerId, 'milestone-released')).toHaveLength(1);
    const after = await moneyOf(database.db, m);
    expect(after.pending - before.pending).toBe(m.grossCents - m.feeCents);
    expect(after.problems).toEqual([]);
    const twice = await decideMilestoneRefund(database.db, provider(), {
      ...ref(m),
      viewer: ops,
      decision: 'refund',
      note: 'Changed my mind',
    });
    expect(twice).toMatchObject({ ok: false, reason: 'decided' });
    expect(await moneyOf(database.db, m)).toEqual(after);
    expect((await listRefundsForOps(database.db)).map((q) => q.milestoneId)).not.toContain(
      m.milestoneId,
    );
  });

  it('unanswered 7 days: to ops (once); ops refunds', async () => {
    const m = await fundedMilestone(database.db, provider());
    const ops = await opsViewer(database.db);
    await requestMilestoneRefund(database.db, {
      ...ref(m),
      viewer: m.clientViewer,
      message: 'Stop.',
    });
    expect(await expireRefundAnswers(database.db, new Date(START.getTime() + 7 * DAY - 1000))).toBe(
      0,
    );
    expect(
      await expireRefundAnswers(database.db, new Date(START.getTime() + 7 * DAY)),
    ).toBeGreaterThanOrEqual(1);
    expect(await expireRefundAnswers(database.db, new Date(START.getTime() + 8 * DAY))).toBe(0);
    expect((await stateOf(database.db, m.milestoneId)).opsReviewSince).toEqual(
      new Date(START.getTime() + 7 * DAY),
    );
    const refused = await answerRefundRequest(database.db, provider(), {
      ...ref(m),
      viewer: m.freelancerViewer,
      answer: 'refuse',
      message: 'late',
    });
    expect(refused).toMatchObject({ ok: false, reason: 'with-ops' });
    const decided = await decideMilestoneRefund(database.db, provider(), {
      ...ref(m),
      viewer: ops,
      decision: 'refund',
      note: 'No work was delivered.',
    });
    expect(decided).toMatchObject({ ok: true, status: 'refunded' });
    expect((await moneyOf(database.db, m)).escrow).toBe(0);
    expect(await creditNotesOf(database.db, m.invoiceId)).toHaveLength(1);
    await expectLedgerHolds();
  });
});
