'use client';

import { useActionState } from 'react';
import { TextAreaField } from '@/components/form-controls';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { MAX_MESSAGE_LENGTH } from '@/lib/milestones/submission-schemas';
import { approveMilestoneAction, releaseNowAction, requestChangesAction } from './actions';

type Ids = { contractId: string; milestoneId: string };

function Ids({ contractId, milestoneId }: Ids) {
  return (
    <>
      <input type="hidden" name="contractId" value={contractId} />
      <input type="hidden" name="milestoneId" value={milestoneId} />
    </>
  );
}

/** Approve (release) or ask for changes; both work without JavaScript. */
export function ReviewForms(ids: Ids) {
  const [approved, approve] = useActionState(approveMilestoneAction, null);
  const [changed, change] = useActionState(requestChangesAction, null);
  const errors = changed && !changed.ok ? changed.fieldErrors?.message : undefined;
  return (
    <div className="review-decision">
      <form action={approve} className="card">
        <h2>Approve</h2>
        <FormMessage state={approved} />
        <Ids {...ids} />
        <p className="hint">
          The escrow is released: the service fee to the platform, the rest to the freelancer,
          available to them 5 days later.
        </p>
        <SubmitButton pendingLabel="Approving…">Approve and release</SubmitButton>
      </form>
      <form action={change} className="card">
        <h2>Request changes</h2>
        <FormMessage state={changed} />
        <Ids {...ids} />
        <TextAreaField
          name="message"
          label="What should change"
          required
          maxLength={MAX_MESSAGE_LENGTH}
          rows={5}
          errors={errors}
        />
        <SubmitButton pendingLabel="Sending…">Request changes</SubmitButton>
      </form>
    </div>
  );
}

/** The confirmation page's form: the box must be ticked. */
export function ReleaseNowForm(ids: Ids) {
  const [state, release] = useActionState(releaseNowAction, null);
  const errors = state && !state.ok ? state.fieldErrors?.confirm : undefined;
  return (
    <form action={release}>
      <FormMessage state={state} />
      <Ids {...ids} />
      <div className="field">
        <label>
          <input type="checkbox" name="confirm" required aria-invalid={errors ? true : undefined} />{' '}
          I want to release this milestone now, without reviewing a submission
        </label>
        {errors && <p className="field-error">{errors.join(' ')}</p>}
      </div>
      <SubmitButton pendingLabel="Releasing…">Release now</SubmitButton>
    </form>
  );
}
