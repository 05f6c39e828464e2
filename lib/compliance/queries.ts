import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { param, preparedQuery } from '@/db/prepared';
import {
  clientWorkspaces,
  complianceChecks,
  complianceDocuments,
  contracts,
  freelancerProfiles,
  storedFiles,
  users,
} from '@/db/schema';
import type { QuestionnaireAnswers } from './questions';
import {
  complianceRequirement,
  contractTermsOf,
  type ComplianceLevel,
  type ComplianceRequirement,
} from './rule';
import type { CheckSummary } from './state';

/** Newest first: the latest check is the one that counts. */
export const CHECK_ORDER = [desc(complianceChecks.submittedAt), desc(complianceChecks.id)];

/** A check as the checklist and the compliance page summarise it. */
export const checkSummaryColumns = {
  id: complianceChecks.id,
  level: complianceChecks.level,
  status: complianceChecks.status,
  submittedAt: complianceChecks.submittedAt,
  decidedAt: complianceChecks.decidedAt,
  rejectionReason: complianceChecks.rejectionReason,
};

/** Every check of one freelancer, newest first. */
export async function listChecks(db: DbOrTx, userId: string): Promise<CheckSummary[]> {
  const query = preparedQuery(db, 'listChecks', (db) =>
    db
      .select(checkSummaryColumns)
      .from(complianceChecks)
      .where(eq(complianceChecks.userId, param('userId')))
      .orderBy(...CHECK_ORDER),
  );
  return query.execute({ userId });
}

export type ContractNeed = {
  id: string;
  inviteId: string;
  title: string;
  status: 'offered' | 'awaiting_compliance' | 'active' | 'declined' | 'withdrawn' | 'ended';
  workspaceId: string;
  workspaceName: string;
  requirement: ComplianceRequirement;
};

/** The freelancer's live contracts with what each needs, by the one rule. */
export async function listContractNeeds(db: DbOrTx, userId: string): Promise<ContractNeed[]> {
  const rows = await db
    .select({
      id: contracts.id,
      inviteId: contracts.inviteId,
      title: contracts.title,
      status: contracts.status,
      kind: contracts.kind,
      weeklyLimitHours: contracts.weeklyLimitHours,
      workspaceId: clientWorkspaces.id,
      workspaceName: clientWorkspaces.name,
      workspaceType: clientWorkspaces.type,
    })
    .from(contracts)
    .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, contracts.workspaceId))
    .where(
      and(
        eq(contracts.freelancerId, userId),
        inArray(contracts.status, ['offered', 'awaiting_compliance', 'active']),
      ),
    )
    .orderBy(asc(contracts.createdAt));
  return rows.map(toContractNeed);
}

/** What one contract needs, by the one rule; for callers that already loaded the contract. */
export function toContractNeed({
  kind,
  weeklyLimitHours,
  workspaceType,
  ...row
}: Omit<ContractNeed, 'requirement'> & {
  kind: 'hourly' | 'fixed';
  weeklyLimitHours: number | null;
  workspaceType: 'individual' | 'company' | 'enterprise';
}): ContractNeed {
  const requirement = complianceRequirement({
    clientType: workspaceType,
    contract: contractTermsOf({ kind, weeklyLimitHours }),
  });
  // A contract already held for compliance keeps needing a check even if its client has
  // since changed type: otherwise nothing could be submitted and it would never start.
  const floor: ComplianceRequirement =
    row.status === 'awaiting_compliance' && requirement === 'none' ? 'questionnaire' : requirement;
  return { ...row, requirement: floor };
}

/**
 * Serialises the compliance writes of one freelancer (submit, decide, and the start check
 * of an accepted contract), so an approval and a contract acceptance at the same moment
 * always see each other.
 */
export async function lockFreelancer(
  tx: DbOrTx,
  userId: string,
  mode: 'share' | 'no key update',
): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for(mode);
}

export async function insertCheck(
  tx: DbOrTx,
  values: {
    userId: string;
    level: ComplianceLevel;
    answers: QuestionnaireAnswers;
    submittedAt: Date;
  },
): Promise<string> {
  const [row] = await tx
    .insert(complianceChecks)
    .values(values)
    .returning({ id: complianceChecks.id });
  return row.id;
}

export async function insertDocument(tx: DbOrTx, checkId: string, fileId: string): Promise<string> {
  const [row] = await tx
    .insert(complianceDocuments)
    .values({ checkId, fileId })
    .returning({ id: complianceDocuments.id });
  return row.id;
}

/**
 * The one write of a decision: it only happens to a check still waiting, so two reviewers
 * (or a double click) give exactly one decision.
 */
export async function decideIfSubmitted(
  tx: DbOrTx,
  input: {
    checkId: string;
    status: 'approved' | 'rejected';
    decidedById: string;
    decidedAt: Date;
    reason: string | null;
  },
) {
  const [row] = await tx
    .update(complianceChecks)
    .set({
      status: input.status,
      decidedById: input.decidedById,
      decidedAt: input.decidedAt,
      rejectionReason: input.reason,
    })
    .where(and(eq(complianceChecks.id, input.checkId), eq(complianceChecks.status, 'submitted')))
    .returning({
      id: complianceChecks.id,
      userId: complianceChecks.userId,
      level: complianceChecks.level,
    });
  return row;
}

/** Starts the given contracts, if they are still waiting for compliance. */
export async function activateContracts(tx: DbOrTx, contractIds: string[]) {
  if (contractIds.length === 0) return [];
  return tx
    .update(contracts)
    .set({ status: 'active', updatedAt: new Date() })
    .where(and(inArray(contracts.id, contractIds), eq(contracts.status, 'awaiting_compliance')))
    .returning({ id: contracts.id, title: contracts.title });
}

export async function findFreelancerContact(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({
      email: users.email,
      name: users.name,
      firstName: freelancerProfiles.firstName,
      lastName: freelancerProfiles.lastName,
    })
    .from(users)
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
    .where(eq(users.id, userId));
  return row;
}

/** A document with who owns it (the freelancer of its check), and its file. */
export async function findDocument(db: DbOrTx, documentId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(documentId)) return undefined;
  const [row] = await db
    .select({
      documentId: complianceDocuments.id,
      checkId: complianceChecks.id,
      ownerId: complianceChecks.userId,
      fileId: complianceDocuments.fileId,
    })
    .from(complianceDocuments)
    .innerJoin(complianceChecks, eq(complianceChecks.id, complianceDocuments.checkId))
    .where(eq(complianceDocuments.id, documentId));
  return row;
}

/** The documents of a check, without their bytes. */
export async function listCheckDocuments(db: DbOrTx, checkId: string) {
  return db
    .select({
      id: complianceDocuments.id,
      fileName: storedFiles.fileName,
      mimeType: storedFiles.mimeType,
      sizeBytes: storedFiles.sizeBytes,
    })
    .from(complianceDocuments)
    .innerJoin(storedFiles, eq(storedFiles.id, complianceDocuments.fileId))
    .where(eq(complianceDocuments.checkId, checkId))
    .orderBy(asc(complianceDocuments.createdAt), asc(complianceDocuments.id));
}

/** Checks waiting for a decision, oldest first, with who sent them. */
export async function listSubmittedChecks(db: DbOrTx) {
  return db
    .select({
      id: complianceChecks.id,
      level: complianceChecks.level,
      submittedAt: complianceChecks.submittedAt,
      userId: users.id,
      email: users.email,
      firstName: freelancerProfiles.firstName,
      lastName: freelancerProfiles.lastName,
    })
    .from(complianceChecks)
    .innerJoin(users, eq(users.id, complianceChecks.userId))
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
    .where(eq(complianceChecks.status, 'submitted'))
    .orderBy(asc(complianceChecks.submittedAt), asc(complianceChecks.id));
}

export async function findCheck(db: DbOrTx, checkId: string) {
  const [row] = await db
    .select({
      check: complianceChecks,
      email: users.email,
      firstName: freelancerProfiles.firstName,
      lastName: freelancerProfiles.lastName,
    })
    .from(complianceChecks)
    .innerJoin(users, eq(users.id, complianceChecks.userId))
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
    .where(eq(complianceChecks.id, checkId));
  return row;
}

export async function findCheckOwner(db: DbOrTx, checkId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ userId: complianceChecks.userId })
    .from(complianceChecks)
    .where(eq(complianceChecks.id, checkId));
  return row?.userId;
}

export async function findUserEmail(db: DbOrTx, userId: string): Promise<string | undefined> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email;
}

/** The contract behind one of a workspace's invites, for the client's status line. */
export async function findWorkspaceContract(db: DbOrTx, workspaceId: string, inviteId: string) {
  const [row] = await db
    .select({
      status: contracts.status,
      kind: contracts.kind,
      weeklyLimitHours: contracts.weeklyLimitHours,
      freelancerId: contracts.freelancerId,
      workspaceType: clientWorkspaces.type,
    })
    .from(contracts)
    .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, contracts.workspaceId))
    .where(and(eq(contracts.inviteId, inviteId), eq(contracts.workspaceId, workspaceId)));
  return row;
}
