import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { requireClient } from '@/lib/auth/session';
import { findWorkspaceInvite } from '@/lib/invites/queries';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { RevokeForm } from './revoke-form';

export const metadata: Metadata = { title: 'Revoke the invite' };

type Props = { params: Promise<{ id: string }> };

/** "Revoke the invite to …?": what revoking does, before the action does it. */
export default async function RevokeInvitePage({ params }: Props) {
  const { inviter } = await requireClient();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const { db } = await getDatabase();
  // Scoped to the workspace: another workspace's invite id finds nothing.
  const found = await findWorkspaceInvite(db, inviter.workspaceId, id);
  if (!found) notFound();
  const { invite } = found;
  const back = `/client/invites/${invite.id}`;
  if (invite.status !== 'pending') {
    return (
      <>
        <h1>Revoke the invite</h1>
        <p>
          This invite is no longer pending, so there is nothing to revoke.{' '}
          <Link href={back}>Back to the invite</Link>
        </p>
      </>
    );
  }
  const name = `${invite.firstName} ${invite.lastName}`;
  return (
    <>
      <p>
        <Link href={back}>Back to the invite</Link>
      </p>
      <h1>Revoke the invite</h1>
      <ConfirmStep
        question={`Revoke the invite to ${name} (${invite.email})?`}
        cancelHref={back}
        cancelLabel="Cancel, keep the invite"
        consequences={[
          'The link in the invitation email stops working at once; opening it says the invite was revoked.',
          `The offer is withdrawn: ${invite.firstName} can no longer accept it.`,
          `We do not email ${invite.firstName} about it; tell them yourself if you want to.`,
          'This cannot be undone: to work together later, send a new invite.',
        ]}
      >
        <RevokeForm inviteId={invite.id} />
      </ConfirmStep>
    </>
  );
}
