'use client';

import { useActionState } from 'react';
import { RadioGroup } from '@/components/form-controls';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { AVAILABILITY_LABELS, availabilities, type Availability } from '@/lib/profile/availability';
import { setAvailabilityAction } from './actions';

const AVAILABILITY_OPTIONS = availabilities.map((a) => ({ value: a, ...AVAILABILITY_LABELS[a] }));

export function MenuAvailabilityForm({ current }: { current: Availability }) {
  const [state, action] = useActionState(setAvailabilityAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <RadioGroup
        name="availability"
        legend="Availability"
        options={AVAILABILITY_OPTIONS}
        value={current}
        errors={errors.availability}
      />
      <SubmitButton pendingLabel="Saving…">Save availability</SubmitButton>
    </form>
  );
}
