import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '@/db/client';
import { invites } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { getEnv } from '@/lib/env';
import type { OfferTerms } from './offer-terms';
import { prepareInvite, writePreparedInvites } from './prepare';
import { findContractForInvite } from './queries';
import { checkWorkspaceSends, lockWorkspaceForInvites, workspaceLimitMessage } from './send-limits';
import type { InviteData, OfferData } from './schemas';

export type InviteResult =
  | { ok: true; inviteId: string }
  | { ok: false; reason: 'duplicate'; existingInviteId: string; message: string }
  | { ok: false; reason: 'daily-limit' | 'invite-limit'; retryAt: Date; message: string }
  | { ok: false; reason: 'not-found' | 'not-pending'; message: string };

const DAY_MS = 24 * 60 * 60 * 1000;

export function inviteExpiry(now = new Date()): Date {
  return new Date(now.getTime() + getEnv().INVITE_TTL_DAYS * DAY_MS);
}

export function termsFromOffer(offer: OfferData, feeBps: number, currency = 'USD'): OfferTerms {
  return {
    kind: offer.kind,
    title: offer.title,
    description: offer.description,
    startDate: offer.startDate,
    currency,
    hourlyRateCents: offer.kind === 'hourly' ? offer.hourlyRateCents : null,
    weeklyLimitHours: offer.kind === 'hourly' ? offer.weeklyLimit : null,
    allowManualTime: offer.kind === 'hourly' ? offer.allowManualTime : false,
    feeBps,
    milestones:
      offer.kind === 'fixed'
        ? offer.milestones.map((m) => ({
            description: m.description,
            amountCents: m.amountCents,
            dueDate: m.dueDate,
          }))
        : [],
  };
}

/** Marks pending invites past their expiry as expired, so a new invite to the same person may be sent. */
export async function expireStale(tx: Tx, workspaceId: string, email: string) {
  await tx
    .update(invites)
    .set({ status: 'expired', updatedAt: new Date() })
    .where(
      and(
        eq(invites.workspaceId, workspaceId),
        eq(invites.email, email),
        eq(invites.status, 'pending'),
        lt(invites.expiresAt, sql`now()`),
      ),
    );
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

export async function findPendingInvite(db: DbOrTx, workspaceId: string, email: string) {
  const [row] = await db
    .select({ id: invites.id })
    .from(invites)
    .where(
      and(
        eq(invites.workspaceId, workspaceId),
        eq(invites.email, email),
        eq(invites.status, 'pending'),
      ),
    );
  return row;
}

export function duplicateResult(existingInviteId: string): InviteResult {
  return {
    ok: false,
    reason: 'duplicate',
    existingInviteId,
    message: 'You already have a pending invite to this email address.',
  };
}

/**
 * Creates the invite, its offer, its first event, its audit entry and its invitation email
 * in one transaction. A concurrent duplicate (a double click) loses on the partial unique
 * index. `ip`, here and below: the client's address, for the audit log.
 */
export async function createInvite(
  db: Db,
  { inviter, input, ip = null }: { inviter: Inviter; input: InviteData; ip?: string | null },
): Promise<InviteResult> {
  // Rendered before the transaction: rendering is slow, and PGlite has one connection.
  const prepared = await prepareInvite(
    inviter,
    {
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      message: input.message,
      terms: termsFromOffer(input.offer, getEnv().SERVICE_FEE_BPS),
    },
    inviteExpiry(),
  );
  try {
    return await db.transaction(async (tx) => {
      await lockWorkspaceForInvites(tx, inviter.workspaceId);
      const limit = await checkWorkspaceSends(tx, inviter.workspaceId, 1);
      if (!limit.allowed) {
        return {
          ok: false as const,
          reason: 'daily-limit' as const,
          retryAt: limit.retryAt,
          message: workspaceLimitMessage(limit.retryAt),
        };
      }
      await expireStale(tx, inviter.workspaceId, input.email);
      const existing = await findPendingInvite(tx, inviter.workspaceId, input.email);
      if (existing) return duplicateResult(existing.id);
      await writePreparedInvites(tx, { inviter, prepared: [prepared], ip });
      return { ok: true as const, inviteId: prepared.inviteId };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await findPendingInvite(db, inviter.workspaceId, input.email);
    if (existing) return duplicateResult(existing.id);
    throw error;
  }
}

/** Loads the offer terms of an invite as they stand. */
export async function loadTerms(db: DbOrTx, inviteId: string): Promise<OfferTerms | undefined> {
  const found = await findContractForInvite(db, inviteId);
  if (!found) return undefined;
  const c = found.contract;
  return {
    kind: c.kind,
    title: c.title,
    description: c.description,
    startDate: c.startDate,
    currency: c.currency,
    hourlyRateCents: c.hourlyRateCents,
    weeklyLimitHours: c.weeklyLimitHours,
    allowManualTime: c.allowManualTime,
    feeBps: c.feeBps,
    milestones: found.milestones.map((m) => ({
      description: m.description,
      amountCents: m.amountCents,
      dueDate: m.dueDate,
    })),
  };
}
