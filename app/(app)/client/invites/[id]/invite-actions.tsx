'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { ConfirmLink } from '@/components/ui/confirm-link';
import { changeInviteEmailAction, resendInviteAction } from '../actions';

/**
 * Resend and change email, each a small form that works without JavaScript, and the link to
 * revoke's confirmation step.
 */
export function InviteActions({ inviteId, canRevoke }: { inviteId: string; canRevoke: boolean }) {
  const [resendState, resend] = useActionState(resendInviteAction, null);
  const [emailState, changeEmail] = useActionState(changeInviteEmailAction, null);
  return (
    <div className="card">
      <h2>Actions</h2>
      <FormMessage state={resendState} />
      <div className="actions">
        <form action={resend}>
          <input type="hidden" name="inviteId" value={inviteId} />
          <SubmitButton pendingLabel="Sending…">Resend with a fresh link</SubmitButton>
        </form>
        {canRevoke && (
          <ConfirmLink href={`/client/invites/${inviteId}/revoke`}>Revoke the invite</ConfirmLink>
        )}
      </div>
      <form action={changeEmail} noValidate>
        <FormMessage state={emailState} />
        <input type="hidden" name="inviteId" value={inviteId} />
        <Field
          name="email"
          id="change-email"
          label="Change the email address"
          hint="A fresh link goes to the new address; the old link stops working."
          type="email"
          defaultValue={emailState && !emailState.ok ? emailState.values?.email : undefined}
          errors={emailState && !emailState.ok ? emailState.fieldErrors.email : undefined}
        />
        <SubmitButton pendingLabel="Sending…">Change email and resend</SubmitButton>
      </form>
    </div>
  );
}
