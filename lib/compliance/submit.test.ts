import { eq } from 'drizzle-orm';
import { complianceDocuments, storedFiles } from '@/db/schema';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  acceptedContract,
  auditRows,
  checksOf,
  createAdmin,
  createWorkspace,
  daysAfter,
  exeBytes,
  pdfBytes,
  pngBytes,
  sampleAnswers,
  TEST_IP,
  uniqueEmail,
} from '@/tests/helpers/compliance-fixtures';
import type { Inviter } from '@/lib/accounts/inviter';
import { MAX_DOCUMENT_BYTES, uploadsFromForm, type DocumentUpload } from './documents';
import { decideCheck, submitCheck } from './service';
import { formatComplianceDate } from './state';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let enterprise: Inviter;
let company: Inviter;

beforeAll(async () => {
  database = await createTestDatabase();
  enterprise = await createWorkspace(database.db, 'enterprise', 'Globex');
  company = await createWorkspace(database.db, 'company', 'Acme');
});
afterAll(() => database.dispose());

/** A freelancer whose accepted enterprise contract waits for a check with documents. */
async function enterpriseFreelancer() {
  const contract = await acceptedContract(database.db, enterprise, uniqueEmail('alex'));
  expect(contract.status).toBe('awaiting_compliance');
  return contract.freelancerId;
}

const pdf = (fileName = 'registration.pdf', bytes = pdfBytes()): DocumentUpload => ({
  fileName,
  bytes,
});

function submit(userId: string, documents: DocumentUpload[], now?: Date) {
  return submitCheck(database.db, {
    userId,
    answers: sampleAnswers(),
    documents,
    ip: TEST_IP,
    now,
  });
}

async function storedCount(userId: string) {
  return (await database.db.select().from(storedFiles).where(eq(storedFiles.ownerId, userId)))
    .length;
}

/** A refused submission leaves no check, no file and no audit entry behind. */
async function expectNothingStored(userId: string) {
  expect(await checksOf(database.db, userId)).toEqual([]);
  expect(await storedCount(userId)).toBe(0);
  expect(
    (await auditRows(database.db, 'compliance.submitted')).filter((r) => r.actorId === userId),
  ).toEqual([]);
}

describe('submitCheck', () => {
  it('stores the answers, the documents privately and the audit entries in one go', async () => {
    const userId = await enterpriseFreelancer();
    const result = await submit(userId, [
      pdf(),
      { fileName: 'Invoice March.PNG', bytes: pngBytes() },
    ]);
    if (!result.ok) throw new Error(result.message);

    const [check] = await checksOf(database.db, userId);
    expect(check).toMatchObject({
      id: result.checkId,
      status: 'submitted',
      level: 'questionnaire_and_documents',
      answers: sampleAnswers(),
    });
    const files = await database.db
      .select()
      .from(storedFiles)
      .where(eq(storedFiles.ownerId, userId));
    expect(files.map((f) => [f.fileName, f.mimeType, f.purpose]).sort()).toEqual([
      ['Invoice March.PNG', 'image/png', 'compliance-document'],
      ['registration.pdf', 'application/pdf', 'compliance-document'],
    ]);
    const docs = await database.db
      .select()
      .from(complianceDocuments)
      .where(eq(complianceDocuments.checkId, check.id));
    expect(docs.map((d) => d.id).sort()).toEqual([...result.documentIds].sort());

    const uploads = (await auditRows(database.db, 'compliance.document_uploaded')).filter(
      (r) => r.actorId === userId,
    );
    expect(uploads.map((r) => r.targetId).sort()).toEqual([...result.documentIds].sort());
    expect(uploads.every((r) => r.ip === TEST_IP && r.targetType === 'compliance_document')).toBe(
      true,
    );
    const [submitted] = (await auditRows(database.db, 'compliance.submitted')).filter(
      (r) => r.actorId === userId,
    );
    expect(submitted).toMatchObject({
      targetType: 'compliance_check',
      targetId: check.id,
      ip: TEST_IP,
    });
  });

  it('refuses a renamed executable, naming the file, and stores nothing', async () => {
    const userId = await enterpriseFreelancer();
    const result = await submit(userId, [
      pdf(),
      { fileName: 'registration.pdf.exe', bytes: exeBytes() },
      { fileName: 'scan.pdf', bytes: exeBytes() },
    ]);
    expect(result).toMatchObject({ ok: false, reason: 'invalid-documents' });
    if (result.ok || result.reason !== 'invalid-documents') return;
    expect(result.errors).toEqual([
      expect.stringMatching(/^registration\.pdf\.exe: This file isn't a PDF, PNG or JPEG file/),
      expect.stringMatching(/^scan\.pdf: This file isn't a PDF, PNG or JPEG file/),
    ]);
    await expectNothingStored(userId);
  });

  it('refuses a PDF over 10 MB', async () => {
    const userId = await enterpriseFreelancer();
    const big = pdfBytes(MAX_DOCUMENT_BYTES + 1);
    expect(big.length).toBe(MAX_DOCUMENT_BYTES + 1);
    const result = await submit(userId, [pdf('big.pdf', big)]);
    expect(result).toMatchObject({
      ok: false,
      errors: ['big.pdf: This file is 10.1 MB; the limit is 10 MB. Choose a smaller file.'],
    });
    await expectNothingStored(userId);
  });

  it('accepts a PDF of exactly 10 MB', async () => {
    const userId = await enterpriseFreelancer();
    expect((await submit(userId, [pdf('max.pdf', pdfBytes(MAX_DOCUMENT_BYTES))])).ok).toBe(true);
  });

  it('refuses six documents', async () => {
    const userId = await enterpriseFreelancer();
    const six = Array.from({ length: 6 }, (_, i) => pdf(`doc-${i}.pdf`));
    const result = await submit(userId, six);
    expect(result).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('at most 5 documents; you chose 6')],
    });
    await expectNothingStored(userId);
    expect((await submit(userId, six.slice(0, 5))).ok).toBe(true);
  });

  it('refuses an empty file, and no file at all when documents are needed', async () => {
    const userId = await enterpriseFreelancer();
    expect(await submit(userId, [pdf('empty.pdf', new Uint8Array(0))])).toMatchObject({
      ok: false,
      errors: ['empty.pdf: This file is empty; choose the file again.'],
    });
    expect(await submit(userId, [])).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('at least one business document')],
    });
    await expectNothingStored(userId);
  });

  it('stores a file name with ../ or control characters as a safe name, and never echoes them', async () => {
    const userId = await enterpriseFreelancer();
    const result = await submit(userId, [
      pdf('../../etc/passwd.pdf'),
      pdf('..\\..\\boot.ini'),
      pdf('inv\u0000oi\r\nce"\u202e.pdf'),
    ]);
    if (!result.ok) throw new Error(result.message);
    const names = (
      await database.db.select().from(storedFiles).where(eq(storedFiles.ownerId, userId))
    ).map((f) => f.fileName);
    expect(names.sort()).toEqual(['boot.ini.pdf', 'invoice.pdf', 'passwd.pdf']);

    const other = await enterpriseFreelancer();
    const refused = await submit(other, [{ fileName: '../\u0007evil\r\n.pdf', bytes: exeBytes() }]);
    expect(refused).toMatchObject({ ok: false, errors: [expect.stringMatching(/^evil\.pdf: /)] });
  });

  it('asks no documents for a questionnaire-only contract and drops any sent', async () => {
    const { freelancerId, status } = await acceptedContract(
      database.db,
      company,
      uniqueEmail('q'),
      { kind: 'hourly', weeklyLimit: '' },
    );
    expect(status).toBe('awaiting_compliance');
    const result = await submit(freelancerId, [pdf()]);
    expect(result.ok).toBe(true);
    expect((await checksOf(database.db, freelancerId))[0].level).toBe('questionnaire');
    expect(await storedCount(freelancerId)).toBe(0);
  });

  it('refuses when no accepted contract needs a check', async () => {
    const { freelancerId, status } = await acceptedContract(
      database.db,
      company,
      uniqueEmail('fixed'),
      { kind: 'fixed' },
    );
    expect(status).toBe('active');
    expect(await submit(freelancerId, [])).toMatchObject({ ok: false, reason: 'not-needed' });
    await expectNothingStored(freelancerId);
  });

  it('refuses a second submission while one is under review', async () => {
    const userId = await enterpriseFreelancer();
    const [first, second] = await Promise.all([submit(userId, [pdf()]), submit(userId, [pdf()])]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect([first, second].find((r) => !r.ok)).toMatchObject({ reason: 'under-review' });
    expect(await checksOf(database.db, userId)).toHaveLength(1);
  });

  it('refuses a resubmission 10 days after a rejection, with the date it opens', async () => {
    const userId = await enterpriseFreelancer();
    const admin = await createAdmin(database.db);
    const first = await submit(userId, [pdf()]);
    if (!first.ok) throw new Error(first.message);
    const rejectedAt = new Date();
    const decided = await decideCheck(database.db, {
      reviewer: admin,
      checkId: first.checkId,
      decision: 'reject',
      reason: 'Unreadable scan',
      now: rejectedAt,
    });
    expect(decided.ok).toBe(true);

    const opensAt = daysAfter(rejectedAt, 60);
    const tooSoon = await submit(userId, [pdf()], daysAfter(rejectedAt, 10));
    expect(tooSoon).toEqual({
      ok: false,
      reason: 'too-soon',
      resubmitFrom: opensAt,
      message: `Your last compliance check was rejected. You can submit again from ${formatComplianceDate(opensAt)}.`,
    });
    expect(await checksOf(database.db, userId)).toHaveLength(1);
    expect((await submit(userId, [pdf()], opensAt)).ok).toBe(true);
  });
});

describe('uploadsFromForm', () => {
  it('treats an untouched file input as no file, and a chosen empty file as a file', async () => {
    const untouched = new FormData();
    untouched.append('documents', new File([], ''));
    expect(await uploadsFromForm(untouched)).toEqual([]);

    const chosen = new FormData();
    chosen.append('documents', new File([], 'empty.pdf'));
    chosen.append(
      'documents',
      new File([Buffer.from(pdfBytes())], 'a.pdf', { type: 'application/pdf' }),
    );
    const uploads = await uploadsFromForm(chosen);
    expect(uploads.map((u) => [u.fileName, u.bytes.length])).toEqual([
      ['empty.pdf', 0],
      ['a.pdf', pdfBytes().length],
    ]);
  });
});
