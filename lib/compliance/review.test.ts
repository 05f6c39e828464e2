import { eq } from 'drizzle-orm';
import { clientWorkspaces, complianceChecks, users } from '@/db/schema';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  acceptedContract,
  auditRows,
  checksOf,
  contractStatus,
  createAdmin,
  createWorkspace,
  daysAfter,
  decisionEmails,
  pdfBytes,
  sampleAnswers,
  TEST_IP,
  uniqueEmail,
} from '@/tests/helpers/compliance-fixtures';
import type { Inviter } from '@/lib/accounts/inviter';
import { loadComplianceContext } from './onboarding';
import { loadAuditLog, loadCheckForReview, loadReviewQueue } from './review';
import { decideCheck, hasCurrentApproval, submitCheck, type Reviewer } from './service';
import { formatComplianceDate } from './state';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let enterprise: Inviter;
let company: Inviter;
let admin: Reviewer;
const nonAdmin = (id: string): Reviewer => ({ id, isAdmin: false });

beforeAll(async () => {
  database = await createTestDatabase();
  enterprise = await createWorkspace(database.db, 'enterprise', 'Globex');
  company = await createWorkspace(database.db, 'company', 'Acme');
  admin = await createAdmin(database.db);
});
afterAll(() => database.dispose());

/** A freelancer with a submitted check and the contracts it waits for. */
async function submitted(
  offers: ('enterprise' | 'company-40h' | 'company-fixed')[] = ['enterprise'],
  now?: Date,
) {
  const email = uniqueEmail('alex');
  const contracts = [];
  for (const offer of offers) {
    const client = offer === 'enterprise' ? enterprise : company;
    contracts.push(
      await acceptedContract(
        database.db,
        client,
        email,
        offer === 'company-fixed' ? { kind: 'fixed' } : { kind: 'hourly', weeklyLimit: '40' },
      ),
    );
  }
  const userId = contracts[0].freelancerId;
  const result = await submitCheck(database.db, {
    userId,
    answers: sampleAnswers(),
    documents: [{ fileName: 'registration.pdf', bytes: pdfBytes() }],
    ip: TEST_IP,
    now,
  });
  if (!result.ok) throw new Error(result.message);
  return { email, userId, checkId: result.checkId, contracts };
}

async function checkRow(checkId: string) {
  const [row] = await database.db
    .select()
    .from(complianceChecks)
    .where(eq(complianceChecks.id, checkId));
  return row;
}

describe('decideCheck', () => {
  it('refuses someone who is not an ops reviewer, and changes nothing', async () => {
    const { email, userId, checkId, contracts } = await submitted();
    const before = await checkRow(checkId);
    for (const decision of ['approve', 'reject'] as const) {
      expect(
        await decideCheck(database.db, {
          reviewer: nonAdmin(enterprise.userId),
          checkId,
          decision,
          reason: 'No',
        }),
      ).toEqual({
        ok: false,
        reason: 'forbidden',
        message: 'Only ops reviewers can decide compliance checks.',
      });
    }
    expect(await checkRow(checkId)).toEqual(before);
    expect(await contractStatus(database.db, contracts[0].contractId)).toBe('awaiting_compliance');
    expect(await decisionEmails(database.db, email)).toEqual([]);
    expect(
      (await auditRows(database.db, 'compliance.approved')).filter((r) => r.targetId === checkId),
    ).toEqual([]);
    expect(await loadComplianceContext(database.db, userId)).toMatchObject({
      state: { kind: 'under-review' },
    });
  });

  it('approves: every waiting contract the level covers starts, the freelancer gets one email', async () => {
    const { email, userId, checkId, contracts } = await submitted([
      'enterprise',
      'company-40h',
      'company-fixed',
    ]);
    expect(contracts.map((c) => c.status)).toEqual([
      'awaiting_compliance',
      'awaiting_compliance',
      'active',
    ]);
    const result = await decideCheck(database.db, {
      reviewer: admin,
      checkId,
      decision: 'approve',
      ip: TEST_IP,
    });
    expect(result).toEqual({
      ok: true,
      decision: 'approved',
      activatedContractIds: expect.any(Array),
    });
    if (!result.ok) return;
    expect(result.activatedContractIds.sort()).toEqual(
      [contracts[0].contractId, contracts[1].contractId].sort(),
    );
    for (const c of contracts)
      expect(await contractStatus(database.db, c.contractId)).toBe('active');

    const row = await checkRow(checkId);
    expect(row).toMatchObject({ status: 'approved', decidedById: admin.id, rejectionReason: null });
    const [mail] = await decisionEmails(database.db, email);
    expect(mail.subject).toBe('Your Workbridge compliance check is approved');
    expect(mail.text).toContain(formatComplianceDate(daysAfter(row.decidedAt!, 365)));
    const [audit] = (await auditRows(database.db, 'compliance.approved')).filter(
      (r) => r.targetId === checkId,
    );
    expect(audit).toMatchObject({ actorId: admin.id, targetType: 'compliance_check', ip: TEST_IP });

    expect(
      await hasCurrentApproval(database.db, { userId, requirement: 'questionnaire_and_documents' }),
    ).toBe(true);
    expect((await loadComplianceContext(database.db, userId)).state).toMatchObject({
      kind: 'approved',
      level: 'questionnaire_and_documents',
    });
  });

  it('gives one decision and one email when approved twice at once', async () => {
    const { email, checkId } = await submitted();
    const results = await Promise.all([
      decideCheck(database.db, { reviewer: admin, checkId, decision: 'approve' }),
      decideCheck(database.db, { reviewer: admin, checkId, decision: 'approve' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ reason: 'decided' });
    expect(await decisionEmails(database.db, email)).toHaveLength(1);
    expect(
      (await auditRows(database.db, 'compliance.approved')).filter((r) => r.targetId === checkId),
    ).toHaveLength(1);

    // A later rejection of the same check is refused too: the first decision stands.
    expect(
      await decideCheck(database.db, {
        reviewer: admin,
        checkId,
        decision: 'reject',
        reason: 'Changed my mind',
      }),
    ).toMatchObject({ reason: 'decided' });
    expect((await checkRow(checkId)).status).toBe('approved');
    expect(await decisionEmails(database.db, email)).toHaveLength(1);
  });

  it('leaves a contract that needs documents waiting when only the questionnaire is approved', async () => {
    const { userId, checkId, contracts } = await submitted(['company-40h']);
    const later = await acceptedContract(
      database.db,
      enterprise,
      (await database.db.select().from(users).where(eq(users.id, userId)))[0].email,
    );
    expect(later.status).toBe('awaiting_compliance');
    await decideCheck(database.db, { reviewer: admin, checkId, decision: 'approve' });
    expect(await contractStatus(database.db, contracts[0].contractId)).toBe('active');
    expect(await contractStatus(database.db, later.contractId)).toBe('awaiting_compliance');
    expect((await loadComplianceContext(database.db, userId)).state).toMatchObject({
      kind: 'to-submit',
      level: 'questionnaire_and_documents',
      coveredLevel: 'questionnaire',
    });
  });

  it('rejects with a reason: the freelancer is emailed the reason and the date a new check opens', async () => {
    const { email, userId, checkId, contracts } = await submitted();
    expect(
      await decideCheck(database.db, {
        reviewer: admin,
        checkId,
        decision: 'reject',
        reason: '  ',
      }),
    ).toMatchObject({ ok: false, reason: 'invalid' });
    const result = await decideCheck(database.db, {
      reviewer: admin,
      checkId,
      decision: 'reject',
      reason: 'The registration is unreadable.',
      ip: TEST_IP,
    });
    expect(result).toEqual({ ok: true, decision: 'rejected', activatedContractIds: [] });
    expect(await contractStatus(database.db, contracts[0].contractId)).toBe('awaiting_compliance');
    const row = await checkRow(checkId);
    const [mail] = await decisionEmails(database.db, email);
    expect(mail.subject).toBe('Your Workbridge compliance check was not approved');
    expect(mail.text).toContain('The registration is unreadable.');
    expect(mail.text).toContain(formatComplianceDate(daysAfter(row.decidedAt!, 60)));
    expect((await loadComplianceContext(database.db, userId)).state).toEqual({
      kind: 'rejected',
      reason: 'The registration is unreadable.',
      resubmitFrom: daysAfter(row.decidedAt!, 60),
    });
  });

  it('escapes the reason in the email', async () => {
    const { email, checkId } = await submitted();
    await decideCheck(database.db, {
      reviewer: admin,
      checkId,
      decision: 'reject',
      reason: '<script>alert(1)</script> is not a document',
    });
    const [mail] = await decisionEmails(database.db, email);
    expect(mail.html).not.toContain('<script>alert(1)</script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.text).toContain('<script>alert(1)</script> is not a document');
  });

  it('does not let a reviewer decide their own check', async () => {
    const { userId, checkId } = await submitted();
    expect(
      await decideCheck(database.db, {
        reviewer: { id: userId, isAdmin: true },
        checkId,
        decision: 'approve',
      }),
    ).toMatchObject({ reason: 'own-check' });
    expect((await checkRow(checkId)).status).toBe('submitted');
  });

  it('answers not-found for an unknown or malformed id', async () => {
    expect(
      await decideCheck(database.db, {
        reviewer: admin,
        checkId: crypto.randomUUID(),
        decision: 'approve',
      }),
    ).toMatchObject({ reason: 'not-found' });
    expect(
      await decideCheck(database.db, {
        reviewer: admin,
        checkId: "1' or '1'='1",
        decision: 'approve',
      }),
    ).toMatchObject({ reason: 'not-found' });
  });
});

describe('contracts held for compliance', () => {
  it('still need a check after their client changes type, so they can start', async () => {
    const client = await createWorkspace(database.db, 'enterprise', 'Initech');
    const contract = await acceptedContract(database.db, client, uniqueEmail('sam'), {
      kind: 'hourly',
      weeklyLimit: '10',
    });
    expect(contract.status).toBe('awaiting_compliance');
    await database.db
      .update(clientWorkspaces)
      .set({ type: 'individual' })
      .where(eq(clientWorkspaces.id, client.workspaceId));
    expect((await loadComplianceContext(database.db, contract.freelancerId)).state).toMatchObject({
      kind: 'to-submit',
      level: 'questionnaire',
    });
    const result = await submitCheck(database.db, {
      userId: contract.freelancerId,
      answers: sampleAnswers(),
      documents: [],
    });
    if (!result.ok) throw new Error(result.message);
    await decideCheck(database.db, {
      reviewer: admin,
      checkId: result.checkId,
      decision: 'approve',
    });
    expect(await contractStatus(database.db, contract.contractId)).toBe('active');
  });

  it('can start at once when accepted with a current approval (the check acceptContract makes)', async () => {
    const { userId, checkId } = await submitted();
    await decideCheck(database.db, { reviewer: admin, checkId, decision: 'approve' });
    const inside = await database.db.transaction((tx) =>
      hasCurrentApproval(tx, { userId, requirement: 'questionnaire_and_documents' }),
    );
    expect(inside).toBe(true);
  });
});

describe('an approval older than a year', () => {
  it('no longer counts: the check is due again for a new contract', async () => {
    const longAgo = daysAfter(new Date(), -400);
    const { email, userId, checkId } = await submitted(['enterprise'], longAgo);
    await decideCheck(database.db, {
      reviewer: admin,
      checkId,
      decision: 'approve',
      now: daysAfter(longAgo, 1),
    });
    expect(
      await hasCurrentApproval(database.db, {
        userId,
        requirement: 'questionnaire',
        now: daysAfter(longAgo, 364),
      }),
    ).toBe(true);
    expect(await hasCurrentApproval(database.db, { userId, requirement: 'questionnaire' })).toBe(
      false,
    );
    expect(await hasCurrentApproval(database.db, { userId, requirement: 'none' })).toBe(true);

    const next = await acceptedContract(database.db, enterprise, email);
    expect(next.status).toBe('awaiting_compliance');
    const ctx = await loadComplianceContext(database.db, userId);
    expect(ctx.state).toMatchObject({
      kind: 'to-submit',
      expiredAt: daysAfter(daysAfter(longAgo, 1), 365),
    });
    const again = await submitCheck(database.db, {
      userId,
      answers: sampleAnswers(),
      documents: [{ fileName: 'new.pdf', bytes: pdfBytes() }],
    });
    expect(again.ok).toBe(true);
    expect(await checksOf(database.db, userId)).toHaveLength(2);
  });
});

describe('an approval across clients', () => {
  it("starts another client's contract that needs the check at once, while it is current", async () => {
    const { email, userId, checkId, contracts } = await submitted(['enterprise']);
    await decideCheck(database.db, { reviewer: admin, checkId, decision: 'approve' });
    const otherClient = await createWorkspace(database.db, 'enterprise', 'Umbrella');
    const next = await acceptedContract(database.db, otherClient, email);
    expect(next.freelancerId).toBe(userId);
    expect(next.status).toBe('active');
    expect(await contractStatus(database.db, next.contractId)).toBe('active');
    expect(await contractStatus(database.db, contracts[0].contractId)).toBe('active');
    expect(await checksOf(database.db, userId)).toHaveLength(1);
  });

  it("holds another client's contract once the approval is more than a year old", async () => {
    const longAgo = daysAfter(new Date(), -400);
    const { email, checkId } = await submitted(['enterprise'], longAgo);
    await decideCheck(database.db, {
      reviewer: admin,
      checkId,
      decision: 'approve',
      now: daysAfter(longAgo, 1),
    });
    // A company's 40-hour contract needs only the questionnaire, which the old approval covered.
    const next = await acceptedContract(database.db, company, email);
    expect(next.status).toBe('awaiting_compliance');
    expect(await contractStatus(database.db, next.contractId)).toBe('awaiting_compliance');
  });
});

describe('ops reads', () => {
  it('are refused to anyone who is not an ops reviewer', async () => {
    const { userId, checkId } = await submitted();
    expect(await loadReviewQueue(database.db, nonAdmin(userId))).toBeNull();
    expect(await loadCheckForReview(database.db, nonAdmin(userId), checkId)).toBeNull();
    expect(await loadAuditLog(database.db, nonAdmin(userId))).toBeNull();
  });

  it('list the queue oldest first and show a check with its answers and documents', async () => {
    const older = await submitted(['enterprise'], daysAfter(new Date(), -3));
    const newer = await submitted(['enterprise'], daysAfter(new Date(), -1));
    const queue = (await loadReviewQueue(database.db, admin))!;
    const ids = queue.map((c) => c.id);
    expect(ids.indexOf(older.checkId)).toBeLessThan(ids.indexOf(newer.checkId));
    expect(queue.find((c) => c.id === older.checkId)?.waitingDays).toBe(3);
    expect(queue.map((c) => c.submittedAt.getTime())).toEqual(
      [...queue.map((c) => c.submittedAt.getTime())].sort((a, b) => a - b),
    );

    const review = (await loadCheckForReview(database.db, admin, older.checkId))!;
    expect(review.freelancer.email).toBe(older.email);
    expect(review.answers).toHaveLength(7);
    expect(review.answers[0]).toEqual({
      id: 'ownTools',
      question: 'Do you use your own equipment and software for this work?',
      answer: 'Yes, I use my own',
    });
    expect(review.documents.map((d) => d.fileName)).toEqual(['registration.pdf']);
    expect(review.waitingContracts.map((c) => c.id)).toEqual([older.contracts[0].contractId]);
    expect(await loadCheckForReview(database.db, admin, 'not-a-uuid')).toBeNull();
  });
});
