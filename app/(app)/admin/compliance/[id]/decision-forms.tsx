'use client';

import { useActionState } from 'react';
import { FieldError } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { REJECTION_REASON_MAX } from '@/lib/compliance/schemas';
import { approveCheckAction, rejectCheckAction } from '../actions';

/** Approve, or reject with a reason the freelancer will read; both work without JavaScript. */
export function ReviewDecisionForms({ checkId }: { checkId: string }) {
  const [approveState, approve] = useActionState(approveCheckAction, null);
  const [rejectState, reject] = useActionState(rejectCheckAction, null);
  const reasonErrors = rejectState && !rejectState.ok ? rejectState.fieldErrors.reason : undefined;
  return (
    <div className="review-decision">
      <form action={approve} className="card">
        <h2>Approve</h2>
        <FormMessage state={approveState} />
        <input type="hidden" name="checkId" value={checkId} />
        <p className="hint">
          The approval counts for one year for all of this freelancer&rsquo;s clients; their
          contracts waiting for it start now.
        </p>
        <SubmitButton pendingLabel="Approving…">Approve the check</SubmitButton>
      </form>
      <form action={reject} className="card" noValidate>
        <h2>Reject</h2>
        <FormMessage state={rejectState} />
        <input type="hidden" name="checkId" value={checkId} />
        <div className="field">
          <label htmlFor="reason">Reason for the rejection</label>
          <p id="reason-hint" className="hint">
            The freelancer reads this in an email and on their compliance page; they can submit
            again after 60 days. 5 to {REJECTION_REASON_MAX.toLocaleString('en-US')} characters.
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
    </div>
  );
}
