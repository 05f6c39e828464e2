import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { inviteEvents } from '@/db/schema';
import type { Invite } from './queries';
import { findInviteByToken } from './tokens';

/** What an invite link leads to; never says whether an email has an account. */
export type LinkState =
  | { kind: 'unknown' }
  | { kind: 'superseded' }
  | { kind: 'used'; invite: Invite }
  | { kind: 'revoked'; invite: Invite; workspaceName: string; inviterName: string }
  | { kind: 'declined'; invite: Invite }
  | { kind: 'expired'; invite: Invite; workspaceName: string; inviterName: string }
  | {
      kind: 'open';
      invite: Invite;
      workspaceName: string;
      inviterName: string;
      workspaceType: 'individual' | 'company' | 'enterprise';
      /** Already recorded as opened: the page then writes nothing at all. */
      opened: boolean;
    };

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Reads the state of a link. Changes nothing. */
export async function resolveInviteLink(
  db: DbOrTx,
  token: string,
  now = new Date(),
): Promise<LinkState> {
  if (!TOKEN_SHAPE.test(token)) return { kind: 'unknown' };
  const row = await findInviteByToken(db, token);
  if (!row) return { kind: 'unknown' };
  const { invite } = row;
  const names = { workspaceName: row.workspaceName, inviterName: row.inviterName ?? '' };
  if (invite.status === 'joined') return { kind: 'used', invite };
  if (invite.status === 'declined') return { kind: 'declined', invite };
  if (invite.status === 'revoked') return { kind: 'revoked', invite, ...names };
  if (row.supersededAt) return { kind: 'superseded' };
  if (invite.status === 'expired' || invite.expiresAt.getTime() <= now.getTime()) {
    return { kind: 'expired', invite, ...names };
  }
  return {
    kind: 'open',
    invite,
    ...names,
    workspaceType: row.workspaceType,
    opened: Boolean(row.opened),
  };
}

/** The one write a landing page makes: an "opened" event, once per invite. */
export async function recordInviteOpened(db: DbOrTx, inviteId: string): Promise<void> {
  await db
    .insert(inviteEvents)
    .values({ inviteId, type: 'opened' })
    .onConflictDoNothing({
      target: inviteEvents.inviteId,
      where: sql`${inviteEvents.type} = 'opened'`,
    });
}
