'use client';

import { useActionState } from 'react';
import { RadioGroup } from '@/components/form-controls';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { VISIBILITY_LABELS, visibilities, type Visibility } from '@/lib/profile/visibility';
import { setVisibilityAction } from './actions';

const OPTIONS = visibilities.map((v) => ({ value: v, ...VISIBILITY_LABELS[v] }));

export function VisibilityForm({ current }: { current: Visibility }) {
  const [state, action] = useActionState(setVisibilityAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} noValidate className="card">
      <FormMessage state={state} />
      <RadioGroup
        name="visibility"
        legend="Who can see your profile"
        options={OPTIONS}
        value={current}
        errors={errors.visibility}
      />
      <SubmitButton pendingLabel="Saving…">Save visibility</SubmitButton>
    </form>
  );
}
