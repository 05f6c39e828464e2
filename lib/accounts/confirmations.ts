import { and, count, eq, gt, isNull, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { pendingConfirmations } from '@/db/schema';
import { now, nowMs } from '@/lib/clock';
import { decryptSecret, encryptSecret } from '@/lib/crypto/encryption';
import { getEnv } from '@/lib/env';
import { generateToken, hashToken } from '@/lib/security/tokens';

/**
 * A sensitive change asked for without a recent sign-in waits here until the link emailed
 * to the account address is used. The payload may hold bank data, so it is stored
 * encrypted; the link's token is stored only as its hash.
 */
export const CONFIRMATION_TTL_MINUTES = 30;

export type PendingAction = 'payout.add' | 'payout.remove' | 'withdrawal.request';

/** The page of a link: payout changes confirm in settings, a withdrawal on its own page. */
export function confirmationUrl(token: string, path = '/settings/confirm'): string {
  const url = new URL(path, getEnv().APP_URL);
  url.searchParams.set('token', token);
  return url.toString();
}

export async function createPendingConfirmation(
  tx: DbOrTx,
  input: { userId: string; action: PendingAction; payload: unknown },
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(nowMs() + CONFIRMATION_TTL_MINUTES * 60_000);
  await tx.insert(pendingConfirmations).values({
    userId: input.userId,
    action: input.action,
    payloadEncrypted: encryptSecret(JSON.stringify(input.payload)),
    tokenHash: hashToken(token),
    expiresAt,
  });
  return { token, expiresAt };
}

export type DeadLinkReason = 'unknown' | 'used' | 'expired' | 'wrong-account';

export type PendingConfirmation = {
  id: string;
  userId: string;
  action: PendingAction;
  payload: unknown;
  expiresAt: Date;
};

type Lookup = { ok: true; pending: PendingConfirmation } | { ok: false; reason: DeadLinkReason };

function open(row: typeof pendingConfirmations.$inferSelect): PendingConfirmation {
  return {
    id: row.id,
    userId: row.userId,
    action: row.action as PendingAction,
    payload: JSON.parse(decryptSecret(row.payloadEncrypted)),
    expiresAt: row.expiresAt,
  };
}

/** Reads a link without using it (the GET page). Someone else's link is not shown. */
export async function findPendingConfirmation(
  db: DbOrTx,
  token: string,
  signedInUserId: string | null,
): Promise<Lookup> {
  const [row] = await db
    .select()
    .from(pendingConfirmations)
    .where(eq(pendingConfirmations.tokenHash, hashToken(token)));
  if (!row) return { ok: false, reason: 'unknown' };
  if (signedInUserId && signedInUserId !== row.userId)
    return { ok: false, reason: 'wrong-account' };
  if (row.usedAt) return { ok: false, reason: 'used' };
  if (row.expiresAt.getTime() <= nowMs()) return { ok: false, reason: 'expired' };
  return { ok: true, pending: open(row) };
}

/**
 * Uses a link: one guarded UPDATE, so two clicks apply the change once. Call it inside the
 * transaction that applies the change, so a failed change leaves the link usable.
 */
export async function consumePendingConfirmation(
  tx: DbOrTx,
  token: string,
  signedInUserId: string | null,
): Promise<Lookup> {
  const found = await findPendingConfirmation(tx, token, signedInUserId);
  if (!found.ok) return found;
  const [used] = await tx
    .update(pendingConfirmations)
    .set({ usedAt: now() })
    .where(
      and(
        eq(pendingConfirmations.id, found.pending.id),
        isNull(pendingConfirmations.usedAt),
        gt(pendingConfirmations.expiresAt, now()),
      ),
    )
    .returning({ id: pendingConfirmations.id });
  return used ? found : { ok: false, reason: 'used' };
}

/**
 * The condition "a confirmation of this user still waits for its link" at `at` (the clock's
 * time; a prepared statement passes it as a parameter), for one query or a subquery.
 */
export function openConfirmationOf(userId: SQLWrapper | string, at: SQLWrapper | Date): SQL {
  return and(
    eq(pendingConfirmations.userId, userId),
    isNull(pendingConfirmations.usedAt),
    gt(pendingConfirmations.expiresAt, at),
  )!;
}

export async function countOpenConfirmations(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(pendingConfirmations)
    .where(openConfirmationOf(userId, now()));
  return Number(row?.n ?? 0);
}

export const DEAD_LINK_MESSAGES: Record<DeadLinkReason, string> = {
  unknown:
    'This confirmation link is not valid. Open it again from your email, or make the change again.',
  used: 'This confirmation link was already used, so the change it asked for is done and cannot be applied twice.',
  expired: `This confirmation link has expired (links work for ${CONFIRMATION_TTL_MINUTES} minutes). Make the change again to get a new one.`,
  'wrong-account': 'This link belongs to another account. Sign out, then open it again.',
};
