'use client';

import { useActionState } from 'react';
import { RadioGroup, TextAreaField } from '@/components/form-controls';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { MAX_MESSAGE_LENGTH } from '@/lib/milestones/submission-schemas';
import { answerRefundAction, requestRefundAction } from './actions';

type Ids = { contractId: string; milestoneId: string };

function Ids({ contractId, milestoneId }: Ids) {
  return (
    <>
      <input type="hidden" name="contractId" value={contractId} />
      <input type="hidden" name="milestoneId" value={milestoneId} />
    </>
  );
}

export function RefundRequestForm(ids: Ids) {
  const [state, request] = useActionState(requestRefundAction, null);
  return (
    <form action={request} className="card">
      <FormMessage state={state} />
      <Ids {...ids} />
      <TextAreaField
        name="message"
        label="Why do you want the money back?"
        required
        maxLength={MAX_MESSAGE_LENGTH}
        rows={4}
        errors={state && !state.ok ? state.fieldErrors?.message : undefined}
      />
      <SubmitButton pendingLabel="Sending…">Ask for a refund</SubmitButton>
    </form>
  );
}

export function RefundAnswerForm(ids: Ids) {
  const [state, answer] = useActionState(answerRefundAction, null);
  return (
    <form action={answer} className="card">
      <FormMessage state={state} />
      <Ids {...ids} />
      <RadioGroup
        name="answer"
        legend="Your answer"
        options={[
          { value: 'agree', label: 'Agree: refund the client' },
          { value: 'refuse', label: 'Refuse: ops decides' },
        ]}
        errors={state && !state.ok ? state.fieldErrors?.answer : undefined}
      />
      <TextAreaField
        name="message"
        label="Message (optional)"
        maxLength={MAX_MESSAGE_LENGTH}
        rows={3}
      />
      <SubmitButton pendingLabel="Sending…">Send my answer</SubmitButton>
    </form>
  );
}
