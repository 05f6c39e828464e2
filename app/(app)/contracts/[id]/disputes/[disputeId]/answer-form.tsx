'use client';

import { useActionState } from 'react';
import { RadioGroup, TextAreaField } from '@/components/form-controls';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { answerDisputeAction } from './actions';

/** Refund all, refund part (an amount up to the disputed one) or reject with a reason. */
export function AnswerForm({ disputeId, disputed }: { disputeId: string; disputed: string }) {
  const [state, answer] = useActionState(answerDisputeAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={answer}>
      <FormMessage state={state} />
      <input type="hidden" name="disputeId" value={disputeId} />
      <RadioGroup
        name="answer"
        legend="Your answer"
        value={values?.answer}
        errors={errors.answer}
        options={[
          { value: 'refund_all', label: `Refund all (${disputed})` },
          { value: 'refund_part', label: 'Refund part', hint: 'Enter the amount below.' },
          {
            value: 'reject',
            label: 'Reject the dispute',
            hint: 'Say why below; our operations team then decides within 4 business days.',
          },
        ]}
      />
      <Field
        name="amount"
        label="Amount to refund, in dollars"
        hint={`At most ${disputed}.`}
        inputMode="decimal"
        defaultValue={values?.amount}
        errors={errors.amount}
      />
      <TextAreaField
        name="reason"
        label="Your reason (the client and ops read it)"
        maxLength={2000}
        rows={4}
        defaultValue={values?.reason}
        errors={errors.reason}
      />
      <SubmitButton pendingLabel="Sending…">Send the answer</SubmitButton>
    </form>
  );
}
