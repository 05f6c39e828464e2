'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { ConfirmLink } from '@/components/ui/confirm-link';
import { approveCheckAction } from '../actions';

/** Approve, or go on to reject's confirmation step; both work without JavaScript. */
export function ReviewDecisionForms({ checkId }: { checkId: string }) {
  const [approveState, approve] = useActionState(approveCheckAction, null);
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
      <section className="card" aria-labelledby="reject-heading">
        <h2 id="reject-heading">Reject</h2>
        <p className="hint">
          The next page asks for the reason the freelancer will read, and says what rejecting does.
        </p>
        <ConfirmLink href={`/admin/compliance/${checkId}/reject`}>Reject the check…</ConfirmLink>
      </section>
    </div>
  );
}
