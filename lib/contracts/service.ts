import { createHash } from 'node:crypto';
import { createElement } from 'react';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { clientWorkspaces, contractAcceptances, contracts, invites, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/log';
import { complianceRequirement } from '@/lib/compliance/rule';
import { hasCurrentApproval } from '@/lib/compliance/service';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import { recordInviteEvent } from '@/lib/invites/queries';
import { loadTerms } from '@/lib/invites/service';
import OfferDecisionEmail, { offerDecisionSubject } from '@/emails/offer-decision';
import type { OfferTerms } from '@/lib/invites/offer-terms';

/** A stable hash of the terms as shown: accepting names the hash it saw. */
export function hashTerms(terms: OfferTerms): string {
  const canonical = JSON.stringify(terms, Object.keys(terms).sort());
  return createHash('sha256')
    .update(JSON.stringify([canonical, terms.milestones]))
    .digest('hex');
}

export type DecisionResult =
  | { ok: true; status: 'active' | 'awaiting_compliance' | 'declined' }
  | { ok: false; reason: 'not-found' | 'changed' | 'decided'; message: string };

const CHANGED =
  'The offer changed since you opened it. Please review the new terms again before you accept.';

async function lockOwnContract(tx: Tx, contractId: string, freelancerId: string) {
  const [row] = await tx
    .select({
      contract: contracts,
      invite: invites,
      workspace: clientWorkspaces,
      clientEmail: users.email,
    })
    .from(contracts)
    .innerJoin(invites, eq(invites.id, contracts.inviteId))
    .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, contracts.workspaceId))
    .innerJoin(users, eq(users.id, invites.invitedById))
    .where(and(eq(contracts.id, contractId), eq(contracts.freelancerId, freelancerId)))
    .for('update', { of: contracts });
  return row;
}

/** The freelancer's own offer, still waiting for a decision, locked for this transaction. */
async function lockOpenOffer(tx: Tx, contractId: string, freelancerId: string) {
  const row = await lockOwnContract(tx, contractId, freelancerId);
  if (!row)
    return {
      error: {
        ok: false as const,
        reason: 'not-found' as const,
        message: 'We could not find that offer.',
      },
    };
  if (row.contract.status !== 'offered' || row.invite.status !== 'joined') {
    return {
      error: {
        ok: false as const,
        reason: 'decided' as const,
        message: 'This offer was already decided or withdrawn.',
      },
    };
  }
  return { row };
}

/**
 * Accepts the offer exactly as it was shown (its hash), storing a snapshot of the terms
 * with who and when, and an audit entry; the client is emailed. If the client changed the
 * offer meanwhile, nothing is stored and the freelancer is asked to review again.
 */
export async function acceptContract(
  db: Db,
  input: { contractId: string; freelancerId: string; shownHash: string; ip?: string },
): Promise<DecisionResult> {
  return db.transaction(async (tx) => {
    const { row, error } = await lockOpenOffer(tx, input.contractId, input.freelancerId);
    if (error) return error;
    const terms = await loadTerms(tx, row.invite.id);
    if (!terms || hashTerms(terms) !== input.shownHash)
      return { ok: false as const, reason: 'changed' as const, message: CHANGED };
    const requirement = complianceRequirement({
      clientType: row.workspace.type,
      contract:
        terms.kind === 'hourly'
          ? { kind: 'hourly', weeklyLimitHours: terms.weeklyLimitHours }
          : { kind: 'fixed' },
    });
    // A current approval (one year, across clients) at a sufficient level starts the contract now.
    const status = (await hasCurrentApproval(tx, { userId: input.freelancerId, requirement }))
      ? ('active' as const)
      : ('awaiting_compliance' as const);
    await tx.insert(contractAcceptances).values({
      contractId: row.contract.id,
      freelancerId: input.freelancerId,
      contractVersion: row.contract.version,
      terms: JSON.stringify(terms),
      termsHash: input.shownHash,
      ip: input.ip ?? null,
    });
    await tx
      .update(contracts)
      .set({ status, updatedAt: new Date() })
      .where(eq(contracts.id, row.contract.id));
    await recordInviteEvent(tx, {
      inviteId: row.invite.id,
      type: 'accepted',
      actorId: input.freelancerId,
    });
    await recordAudit(tx, {
      actorId: input.freelancerId,
      action: 'contract.accepted',
      targetType: 'contract',
      targetId: row.contract.id,
      ip: input.ip,
      detail: `version ${row.contract.version}; ${status === 'active' ? 'started' : 'waits for compliance'}`,
    });
    await sendEmail(tx, {
      to: row.clientEmail,
      template: 'offer-accepted',
      ...decisionEmail({
        invite: row.invite,
        title: terms.title,
        decision: 'accepted',
        reason: null,
        startsAfterCompliance: status === 'awaiting_compliance',
      }),
    });
    return { ok: true as const, status };
  });
}

export async function declineContract(
  db: Db,
  input: { contractId: string; freelancerId: string; reason: string; ip?: string },
): Promise<DecisionResult> {
  return db.transaction(async (tx) => {
    const { row, error } = await lockOpenOffer(tx, input.contractId, input.freelancerId);
    if (error) return error;
    await tx
      .update(contracts)
      .set({ status: 'declined', updatedAt: new Date() })
      .where(eq(contracts.id, row.contract.id));
    await tx
      .update(invites)
      .set({
        status: 'declined',
        declinedAt: new Date(),
        declineReason: input.reason,
        updatedAt: new Date(),
      })
      .where(eq(invites.id, row.invite.id));
    await recordInviteEvent(tx, {
      inviteId: row.invite.id,
      type: 'declined',
      actorId: input.freelancerId,
      detail: input.reason.slice(0, 300),
    });
    // The reason is the freelancer's own words: it stays on the invite, not in the audit log.
    await recordAudit(tx, {
      actorId: input.freelancerId,
      action: 'contract.declined',
      targetType: 'contract',
      targetId: row.contract.id,
      ip: input.ip,
      detail: `version ${row.contract.version}`,
    });
    await sendEmail(tx, {
      to: row.clientEmail,
      template: 'offer-declined',
      ...decisionEmail({
        invite: row.invite,
        title: row.contract.title,
        decision: 'declined',
        reason: input.reason,
        startsAfterCompliance: false,
      }),
    });
    return { ok: true as const, status: 'declined' as const };
  });
}

function decisionEmail({
  invite,
  title,
  decision,
  reason,
  startsAfterCompliance,
}: {
  invite: { id: string; firstName: string; lastName: string };
  title: string;
  decision: 'accepted' | 'declined';
  reason: string | null;
  startsAfterCompliance: boolean;
}) {
  const props = {
    freelancerName: `${invite.firstName} ${invite.lastName}`,
    offerTitle: title,
    decision,
    reason,
    startsAfterCompliance,
    url: new URL(`/client/invites/${invite.id}`, getEnv().APP_URL).toString(),
  };
  return {
    subject: offerDecisionSubject(props),
    element: createElement(OfferDecisionEmail, props),
  };
}
