import { z } from 'zod';
import type { Db, DbOrTx } from '@/db/client';
import { recordAudit } from '@/lib/audit/log';
import { findPerson, listAuditEntries } from '@/lib/audit/queries';
import { fileStorage } from '@/lib/files/storage';
import {
  findCheck,
  findDocument,
  listCheckDocuments,
  listChecks,
  listContractNeeds,
  listSubmittedChecks,
} from './queries';
import { COMPLIANCE_QUESTIONS } from './questions';
import type { Reviewer } from './service';

/**
 * What ops (and the freelancer, for their own documents) may read. Every function takes
 * who is asking and answers null to anyone else, so a page or route that forgets its own
 * check still shows nothing.
 */
export type Requester = Reviewer;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Checks waiting for a decision, oldest first, with how many whole days each has waited. */
export async function loadReviewQueue(db: DbOrTx, requester: Requester, now: Date = new Date()) {
  if (!requester.isAdmin) return null;
  const rows = await listSubmittedChecks(db);
  return rows.map((row) => ({
    ...row,
    waitingDays: Math.max(0, Math.floor((now.getTime() - row.submittedAt.getTime()) / DAY_MS)),
  }));
}

/** The questions with the label of the chosen answer, in the order they were asked. */
export function answerRows(answers: Record<string, string>) {
  return COMPLIANCE_QUESTIONS.map((q) => ({
    id: q.id,
    question: q.question,
    answer:
      (q.options as readonly { value: string; label: string }[]).find(
        (o) => o.value === answers[q.id],
      )?.label ?? 'Not answered',
  }));
}

export async function loadCheckForReview(db: DbOrTx, requester: Requester, checkId: string) {
  if (!requester.isAdmin || !z.uuid().safeParse(checkId).success) return null;
  const found = await findCheck(db, checkId);
  if (!found) return null;
  const [documents, contracts, history] = await Promise.all([
    listCheckDocuments(db, checkId),
    listContractNeeds(db, found.check.userId),
    listChecks(db, found.check.userId),
  ]);
  return {
    check: found.check,
    freelancer: {
      email: found.email,
      name: [found.firstName, found.lastName].filter(Boolean).join(' ') || found.email,
    },
    answers: answerRows(found.check.answers),
    documents,
    waitingContracts: contracts.filter((c) => c.status === 'awaiting_compliance'),
    history: history.filter((c) => c.id !== checkId),
  };
}

export type DownloadableDocument = {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  data: Buffer;
};

/**
 * A compliance document for its owner or an ops reviewer; null (a 404) for anyone else,
 * the client included, so a stranger cannot even learn that the id exists. Each download
 * is audited.
 */
export async function openDocument(
  db: Db,
  input: { requester: Requester; documentId: string; ip?: string | null },
): Promise<DownloadableDocument | null> {
  const doc = await findDocument(db, input.documentId);
  if (!doc) return null;
  if (doc.ownerId !== input.requester.id && !input.requester.isAdmin) return null;
  const file = await fileStorage.get(db, doc.fileId);
  if (!file || file.ownerId !== doc.ownerId || file.purpose !== 'compliance-document') return null;
  await recordAudit(db, {
    actorId: input.requester.id,
    action: 'compliance.document_downloaded',
    targetType: 'compliance_document',
    targetId: doc.documentId,
    ip: input.ip,
    detail: file.fileName,
  });
  return {
    fileName: file.fileName,
    mimeType: file.mimeType,
    sizeBytes: file.sizeBytes,
    data: file.data,
  };
}

export const AUDIT_PAGE_SIZE = 200;

/** The audit log for ops, optionally about one person (by email or account id). */
export async function loadAuditLog(
  db: DbOrTx,
  requester: Requester,
  options: { person?: string } = {},
) {
  if (!requester.isAdmin) return null;
  const query = options.person?.trim().slice(0, 320) ?? '';
  if (!query)
    return {
      person: null,
      personNotFound: false,
      entries: await listAuditEntries(db, { limit: AUDIT_PAGE_SIZE }),
    };
  const person = await findPerson(db, query);
  if (!person) return { person: null, personNotFound: true, entries: [] };
  return {
    person,
    personNotFound: false,
    entries: await listAuditEntries(db, { person, limit: AUDIT_PAGE_SIZE }),
  };
}
