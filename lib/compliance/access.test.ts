import { jest } from '@jest/globals';
import { eq, sql } from 'drizzle-orm';
import { auditLog, complianceChecks, sessions } from '@/db/schema';
import type { Viewer } from '@/lib/auth/session';
import { createTestDatabase } from '@/tests/helpers/db';
import { installRequestMocks } from '@/tests/helpers/request-context';
import {
  acceptedContract,
  contractStatus,
  createAdmin,
  createWorkspace,
  decisionEmails,
  pdfBytes,
  sampleAnswers,
  TEST_IP,
  uniqueEmail,
} from '@/tests/helpers/compliance-fixtures';

/*
 * The route handler and the admin actions read the signed-in person and the client IP
 * from the request; here they come from these two stand-ins, the rest is real.
 */
const signedIn: { viewer: Viewer | null } = { viewer: null };
const REQUEST_IP = '198.51.100.23';
jest.unstable_mockModule('@/lib/auth/session', () => ({
  loadViewer: async () => signedIn.viewer,
  getViewer: async () => signedIn.viewer,
  readSessionCookie: async () => undefined,
}));
// The actions' wrapper checks the origin of the post: these are same-origin form posts.
installRequestMocks();
jest.unstable_mockModule('@/lib/server/request', () => ({ clientIp: async () => REQUEST_IP }));

const { GET } = await import('@/app/(app)/compliance/documents/[id]/route');
const { approveCheckAction, rejectCheckAction } =
  await import('@/app/(app)/admin/compliance/actions');
const { submitCheck, decideCheck } = await import('./service');
const { openDocument, loadAuditLog } = await import('./review');
const { listCheckDocuments, listChecks } = await import('./queries');
const { createSession } = await import('@/lib/auth/service');

let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const asViewer = (id: string, isAdmin = false): Viewer =>
  ({
    user: { id, email: `${id}@example.com` },
    workspace: undefined,
    isFreelancer: !isAdmin,
    isAdmin,
  }) as unknown as Viewer;

/** An enterprise contract, a submitted check with one PDF, and the people around it. */
async function scenario() {
  const client = await createWorkspace(database.db, 'enterprise', 'Globex');
  const email = uniqueEmail('alex');
  const contract = await acceptedContract(database.db, client, email);
  const result = await submitCheck(database.db, {
    userId: contract.freelancerId,
    answers: sampleAnswers(),
    documents: [{ fileName: 'Registration 2026.pdf', bytes: pdfBytes() }],
    ip: TEST_IP,
  });
  if (!result.ok) throw new Error(result.message);
  return {
    client,
    email,
    contract,
    freelancerId: contract.freelancerId,
    checkId: result.checkId,
    documentId: result.documentIds[0],
  };
}

function download(documentId: string, viewer: Viewer | null) {
  signedIn.viewer = viewer;
  return GET(new Request(`http://localhost/compliance/documents/${documentId}`), {
    params: Promise.resolve({ id: documentId }),
  });
}

describe('downloading a compliance document', () => {
  it('gives the owner an attachment that is never sniffed or cached, and audits it', async () => {
    const { freelancerId, documentId } = await scenario();
    const response = await download(documentId, asViewer(freelancerId));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="Registration 2026.pdf"',
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdfBytes());
    const [latest] = await listChecks(database.db, freelancerId);
    expect(
      (await listCheckDocuments(database.db, latest.id)).map((d) => [d.id, d.fileName]),
    ).toEqual([[documentId, 'Registration 2026.pdf']]);
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.targetId, documentId));
    expect(rows.find((r) => r.action === 'compliance.document_downloaded')).toMatchObject({
      actorId: freelancerId,
      ip: REQUEST_IP,
    });
  });

  it('gives an ops reviewer the document', async () => {
    const { documentId } = await scenario();
    const admin = await createAdmin(database.db);
    expect((await download(documentId, asViewer(admin.id, true))).status).toBe(200);
  });

  it('answers 404 to another freelancer, the client, a signed-out visitor and an unknown id, and audits none', async () => {
    const { client, documentId } = await scenario();
    const other = await scenario();
    const before = (
      await database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'compliance.document_downloaded'))
    ).length;
    for (const viewer of [asViewer(other.freelancerId), asViewer(client.userId), null]) {
      const response = await download(documentId, viewer);
      expect(response.status).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).toBe('Not found');
    }
    expect((await download(crypto.randomUUID(), asViewer(other.freelancerId))).status).toBe(404);
    expect((await download('../../etc/passwd', asViewer(other.freelancerId))).status).toBe(404);
    expect(
      await openDocument(database.db, {
        requester: { id: client.userId, isAdmin: false },
        documentId,
      }),
    ).toBeNull();
    const after = (
      await database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'compliance.document_downloaded'))
    ).length;
    expect(after).toBe(before);
  });
});

describe('the admin actions', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.append(k, v);
    return data;
  };

  it('refuse a signed-in non-admin, and nothing changes', async () => {
    const { email, checkId, contract } = await scenario();
    for (const viewer of [asViewer(contract.freelancerId), null]) {
      signedIn.viewer = viewer;
      expect(await approveCheckAction(null, form({ checkId }))).toEqual({
        ok: false,
        message: 'Only ops reviewers can do this. Please sign in with a reviewer account.',
        fieldErrors: {},
      });
      expect(
        await rejectCheckAction(null, form({ checkId, reason: 'Not good enough' })),
      ).toMatchObject({ ok: false });
    }
    const [row] = await database.db
      .select()
      .from(complianceChecks)
      .where(eq(complianceChecks.id, checkId));
    expect(row.status).toBe('submitted');
    expect(await contractStatus(database.db, contract.contractId)).toBe('awaiting_compliance');
    expect(await decisionEmails(database.db, email)).toEqual([]);
  });

  it('let an ops reviewer approve, re-checking the role on the server', async () => {
    const { checkId, contract } = await scenario();
    const admin = await createAdmin(database.db);
    signedIn.viewer = asViewer(admin.id, true);
    expect(await rejectCheckAction(null, form({ checkId, reason: 'no' }))).toMatchObject({
      ok: false,
      fieldErrors: {
        reason: ['Tell the freelancer why the check is rejected, in at least 5 characters.'],
      },
    });
    // Success ends in a redirect, which Next.js signals by throwing.
    await expect(approveCheckAction(null, form({ checkId }))).rejects.toMatchObject({
      digest: expect.stringContaining('NEXT_REDIRECT'),
    });
    expect(await contractStatus(database.db, contract.contractId)).toBe('active');
  });
});

describe('the audit log', () => {
  it('records submit, upload, download, approve and reject with actor, target and IP, and never a token', async () => {
    const admin = await createAdmin(database.db);
    const approvedOne = await scenario();
    const rejectedOne = await scenario();
    const session = await createSession(database.db, approvedOne.freelancerId);
    await download(approvedOne.documentId, asViewer(approvedOne.freelancerId));
    await decideCheck(database.db, {
      reviewer: admin,
      checkId: approvedOne.checkId,
      decision: 'approve',
      ip: TEST_IP,
    });
    await decideCheck(database.db, {
      reviewer: admin,
      checkId: rejectedOne.checkId,
      decision: 'reject',
      reason: 'Unreadable',
      ip: TEST_IP,
    });

    const byAction = async (action: string, targetId: string) => {
      const rows = await database.db.select().from(auditLog).where(eq(auditLog.action, action));
      return rows.find((r) => r.targetId === targetId);
    };
    const expected = [
      ['compliance.submitted', approvedOne.checkId, approvedOne.freelancerId, TEST_IP],
      ['compliance.document_uploaded', approvedOne.documentId, approvedOne.freelancerId, TEST_IP],
      [
        'compliance.document_downloaded',
        approvedOne.documentId,
        approvedOne.freelancerId,
        REQUEST_IP,
      ],
      ['compliance.approved', approvedOne.checkId, admin.id, TEST_IP],
      ['compliance.rejected', rejectedOne.checkId, admin.id, TEST_IP],
    ] as const;
    for (const [action, targetId, actorId, ip] of expected) {
      const row = await byAction(action, targetId);
      expect(row).toMatchObject({ actorId, ip, targetId });
      expect(row?.createdAt).toBeInstanceOf(Date);
    }

    const all = JSON.stringify(await database.db.select().from(auditLog));
    const [stored] = await database.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, approvedOne.freelancerId));
    expect(all).not.toContain(session.token);
    expect(all).not.toContain(stored.sessionToken);

    const log = (await loadAuditLog(database.db, admin, {
      person: approvedOne.email.toUpperCase(),
    }))!;
    expect(log.person?.id).toBe(approvedOne.freelancerId);
    // Their invite (sent by the client, joined with the sign-in) and their contract too.
    expect(new Set(log.entries.map((e) => e.action))).toEqual(
      new Set([
        'invite.sent',
        'invite.joined',
        'auth.sign_in',
        'contract.accepted',
        'compliance.submitted',
        'compliance.document_uploaded',
        'compliance.document_downloaded',
        'compliance.approved',
      ]),
    );
    expect(log.entries.some((e) => e.targetId === rejectedOne.checkId)).toBe(false);
    expect(await loadAuditLog(database.db, admin, { person: 'nobody@example.com' })).toMatchObject({
      personNotFound: true,
      entries: [],
    });
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const [row] = await database.db.select().from(auditLog).limit(1);
    expect(row).toBeDefined();
    const refusal = async (query: Promise<unknown>) => {
      const error = (await query.then(
        () => null,
        (e: unknown) => e,
      )) as { message?: string; cause?: { message?: string } } | null;
      return error?.cause?.message ?? error?.message ?? 'no error';
    };
    expect(
      await refusal(
        database.db.update(auditLog).set({ detail: 'rewritten' }).where(eq(auditLog.id, row.id)),
      ),
    ).toContain('append-only');
    expect(await refusal(database.db.delete(auditLog).where(eq(auditLog.id, row.id)))).toContain(
      'append-only',
    );
    expect(await refusal(database.db.execute(sql`update audit_log set ip = null`))).toContain(
      'append-only',
    );
    const countRows = async () =>
      (await database.db.select({ id: auditLog.id }).from(auditLog)).length;
    const before = await countRows();
    expect(await refusal(database.db.execute(sql`truncate audit_log`))).toContain('append-only');
    expect(await countRows()).toBe(before);
    const [after] = await database.db.select().from(auditLog).where(eq(auditLog.id, row.id));
    expect(after).toEqual(row);
  });
});
