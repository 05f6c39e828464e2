'use client';

import { useActionState } from 'react';
import { FieldError } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { REJECTION_REASON_MAX } from '@/lib/compliance/schemas';
import { rejectCheckAction } from '../../actions';

/** The confirmed rejection, with its reason; the action checks the reviewer again. */
export function RejectForm({ checkId }: { checkId: string }) {
  const [rejectState, reject] = useActionState(rejectCheckAction, null);
  const reasonErrors = rejectState && !rejectState.ok ? rejectState.fieldErrors.reason : undefined;
  return (
    <form action={reject} noValidate>
      <FormMessage state={rejectState} />
      <input type="hidden" name="checkId" value={checkId} />
      <div className="field">
        <label htmlFor="reason">Reason for the rejection</label>
        <p id="reason-hint" className="hint">
          The freelancer reads this in an email and on their compliance page; they can submit again
          after 60 days. 5 to {REJECTION_REASON_MAX.toLocaleString('en-US')} characters.
        </p>
        <textarea
          id="reason"
          name="reason"
          rows={4}
          maxLength={REJECTION_REASON_MAX}
          aria-describedby={reasonErrors ? 'reason-hint reason-error' : 'reason-hint'}
          aria-invalid={reasonErrors ? true : undefined}
          defaultValue={rejectState && !rejectState.ok ? rejectState.values?.reason : undefined}
        />
        <FieldError id="reason-error" errors={reasonErrors} />
      </div>
      <SubmitButton pendingLabel="Rejecting…">Reject the check</SubmitButton>
    </form>
  );
}
