import { createElement } from 'react';
import type { Db, DbOrTx } from '@/db/client';
import { recordAudit } from '@/lib/audit/log';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import { fileStorage } from '@/lib/files/storage';
import ComplianceDecisionEmail, { complianceDecisionSubject } from '@/emails/compliance-decision';
import { emailClientsOfDecision } from './client-notice';
import { checkDocuments, type DocumentUpload } from './documents';
import {
  activateContracts,
  decideIfSubmitted,
  findCheckOwner,
  findFreelancerContact,
  insertCheck,
  insertDocument,
  listChecks,
  listContractNeeds,
  lockFreelancer,
} from './queries';
import { approvalExpiresAt, earliestResubmission, type QuestionnaireAnswers } from './questions';
import { isRequirementMet, strongestRequirement, type ComplianceRequirement } from './rule';
import { complianceState, currentApproval, formatComplianceDate } from './state';

/**
 * Whether the freelancer holds an approval younger than a year that covers `requirement`
 * ('none' is always covered). Inside a transaction it takes a share lock on the
 * freelancer, so a decision being made at the same moment is either seen here or, once
 * committed after this transaction, sees what this transaction wrote.
 */
export async function hasCurrentApproval(
  db: DbOrTx,
  {
    userId,
    requirement,
    now = new Date(),
  }: { userId: string; requirement: ComplianceRequirement; now?: Date },
): Promise<boolean> {
  if (requirement === 'none') return true;
  await lockFreelancer(db, userId, 'share');
  const approval = currentApproval(await listChecks(db, userId), now);
  return isRequirementMet(approval?.level ?? null, requirement);
}

/** What the freelancer's accepted contracts waiting for compliance need; the strictest wins. */
async function requiredNow(db: DbOrTx, userId: string): Promise<ComplianceRequirement> {
  const needs = await listContractNeeds(db, userId);
  return strongestRequirement(
    needs.filter((c) => c.status === 'awaiting_compliance').map((c) => c.requirement),
  );
}

export type SubmitResult =
  | { ok: true; checkId: string; documentIds: string[] }
  | { ok: false; reason: 'not-needed' | 'approved' | 'under-review'; message: string }
  | { ok: false; reason: 'too-soon'; message: string; resubmitFrom: Date }
  | { ok: false; reason: 'invalid-documents'; message: string; errors: string[] };

/**
 * Submits the questionnaire, and the documents when the contracts need them, in one
 * transaction: the check, every stored file, its document row and the audit entries.
 * The level comes from the freelancer's contracts, never from the form.
 */
export async function submitCheck(
  db: Db,
  input: {
    userId: string;
    answers: QuestionnaireAnswers;
    documents: readonly DocumentUpload[];
    ip?: string | null;
    now?: Date;
  },
): Promise<SubmitResult> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    await lockFreelancer(tx, input.userId, 'no key update');
    const required = await requiredNow(tx, input.userId);
    const state = complianceState({ required, checks: await listChecks(tx, input.userId) }, now);
    switch (state.kind) {
      case 'under-review':
        return {
          ok: false as const,
          reason: 'under-review' as const,
          message: 'Your compliance check is already under review; we will email you the decision.',
        };
      case 'approved':
        return {
          ok: false as const,
          reason: 'approved' as const,
          message: `Your compliance check is approved until ${formatComplianceDate(state.validUntil)}; there is nothing to submit.`,
        };
      case 'not-needed':
        return {
          ok: false as const,
          reason: 'not-needed' as const,
          message: 'None of your accepted contracts needs a compliance check right now.',
        };
      case 'rejected':
        return {
          ok: false as const,
          reason: 'too-soon' as const,
          resubmitFrom: state.resubmitFrom,
          message: `Your last compliance check was rejected. You can submit again from ${formatComplianceDate(state.resubmitFrom)}.`,
        };
    }
    const checked = await checkDocuments(input.documents, {
      required: state.level === 'questionnaire_and_documents',
    });
    if (!checked.ok) {
      return {
        ok: false as const,
        reason: 'invalid-documents' as const,
        errors: checked.errors,
        message: 'Please correct the documents.',
      };
    }
    const checkId = await insertCheck(tx, {
      userId: input.userId,
      level: state.level,
      answers: input.answers,
      submittedAt: now,
    });
    await recordAudit(tx, {
      actorId: input.userId,
      action: 'compliance.submitted',
      targetType: 'compliance_check',
      targetId: checkId,
      ip: input.ip,
      detail: state.level,
    });
    const documentIds: string[] = [];
    for (const doc of checked.documents) {
      const file = await fileStorage.put(tx, {
        ownerId: input.userId,
        purpose: 'compliance-document',
        fileName: doc.safeName,
        mimeType: doc.mime,
        bytes: doc.bytes,
      });
      const documentId = await insertDocument(tx, checkId, file.id);
      documentIds.push(documentId);
      await recordAudit(tx, {
        actorId: input.userId,
        action: 'compliance.document_uploaded',
        targetType: 'compliance_document',
        targetId: documentId,
        ip: input.ip,
        detail: `${doc.safeName} (${doc.mime}, ${doc.bytes.length} bytes)`,
      });
    }
    return { ok: true as const, checkId, documentIds };
  });
}

export type Reviewer = { id: string; isAdmin: boolean };

export type DecideResult =
  | { ok: true; decision: 'approved' | 'rejected'; activatedContractIds: string[] }
  | {
      ok: false;
      reason: 'forbidden' | 'own-check' | 'not-found' | 'decided' | 'invalid';
      message: string;
    };

export const NOT_A_REVIEWER = 'Only ops reviewers can decide compliance checks.';

/**
 * An ops decision. Approving starts, in the same transaction, every contract of that
 * freelancer waiting for compliance that the approved level covers. The freelancer is
 * emailed either way. A check already decided is left as it is, and nobody is emailed.
 */
export async function decideCheck(
  db: Db,
  input: {
    reviewer: Reviewer;
    checkId: string;
    decision: 'approve' | 'reject';
    reason?: string | null;
    ip?: string | null;
    now?: Date;
  },
): Promise<DecideResult> {
  if (!input.reviewer.isAdmin) return { ok: false, reason: 'forbidden', message: NOT_A_REVIEWER };
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'reject' && !reason) {
    return {
      ok: false,
      reason: 'invalid',
      message: 'Give the freelancer a reason for the rejection.',
    };
  }
  if (!/^[0-9a-f-]{36}$/i.test(input.checkId))
    return { ok: false, reason: 'not-found', message: 'We could not find that check.' };
  const now = input.now ?? new Date();
  const status = input.decision === 'approve' ? ('approved' as const) : ('rejected' as const);
  return db.transaction(async (tx) => {
    const ownerId = await findCheckOwner(tx, input.checkId);
    if (!ownerId)
      return {
        ok: false as const,
        reason: 'not-found' as const,
        message: 'We could not find that check.',
      };
    if (ownerId === input.reviewer.id) {
      return {
        ok: false as const,
        reason: 'own-check' as const,
        message: 'You cannot review your own compliance check; ask another reviewer.',
      };
    }
    // The freelancer first, as every compliance write does, so they queue in one order.
    await lockFreelancer(tx, ownerId, 'no key update');
    const decided = await decideIfSubmitted(tx, {
      checkId: input.checkId,
      status,
      decidedById: input.reviewer.id,
      decidedAt: now,
      reason: status === 'rejected' ? reason : null,
    });
    if (!decided)
      return {
        ok: false as const,
        reason: 'decided' as const,
        message: 'This check was already decided.',
      };
    let activated: { id: string; title: string }[] = [];
    const waiting = (await listContractNeeds(tx, decided.userId)).filter(
      (c) => c.status === 'awaiting_compliance',
    );
    if (status === 'approved') {
      activated = await activateContracts(
        tx,
        waiting.filter((c) => isRequirementMet(decided.level, c.requirement)).map((c) => c.id),
      );
    }
    await recordAudit(tx, {
      actorId: input.reviewer.id,
      action: status === 'approved' ? 'compliance.approved' : 'compliance.rejected',
      targetType: 'compliance_check',
      targetId: decided.id,
      ip: input.ip,
      detail:
        status === 'approved'
          ? `${decided.level}; contracts started: ${activated.length}`
          : decided.level,
    });
    await emailDecision(tx, {
      userId: decided.userId,
      status,
      reason,
      decidedAt: now,
      activated: activated.map((c) => c.title),
    });
    // Their clients hear the status: started, or cannot start until the freelancer passes.
    await emailClientsOfDecision(tx, {
      decision: status,
      contractIds: (status === 'approved' ? activated : waiting).map((c) => c.id),
    });
    return {
      ok: true as const,
      decision: status,
      activatedContractIds: activated.map((c) => c.id),
    };
  });
}

async function emailDecision(
  tx: DbOrTx,
  input: {
    userId: string;
    status: 'approved' | 'rejected';
    reason: string;
    decidedAt: Date;
    activated: string[];
  },
) {
  const contact = await findFreelancerContact(tx, input.userId);
  if (!contact) return;
  const approved = input.status === 'approved';
  const props = {
    firstName: contact.firstName ?? contact.name ?? 'there',
    decision: input.status,
    validUntil: approved ? formatComplianceDate(approvalExpiresAt(input.decidedAt)) : null,
    reason: approved ? null : input.reason,
    resubmitFrom: approved ? null : formatComplianceDate(earliestResubmission(input.decidedAt)),
    activatedContracts: input.activated,
    url: new URL('/onboarding/compliance', getEnv().APP_URL).toString(),
  };
  await sendEmail(tx, {
    to: contact.email,
    template: 'compliance-decision',
    subject: complianceDecisionSubject(props),
    element: createElement(ComplianceDecisionEmail, props),
  });
}
