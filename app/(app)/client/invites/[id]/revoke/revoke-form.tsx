'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { revokeInviteAction } from '../../actions';

/** The confirmed revoke: the action checks the invite is this workspace's and still pending. */
export function RevokeForm({ inviteId }: { inviteId: string }) {
  const [state, revoke] = useActionState(revokeInviteAction, null);
  return (
    <form action={revoke}>
      <FormMessage state={state} />
      <input type="hidden" name="inviteId" value={inviteId} />
      <SubmitButton pendingLabel="Revoking…">Revoke the invite</SubmitButton>
    </form>
  );
}
