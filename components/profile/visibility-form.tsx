'use client';

import { useActionState } from 'react';
import { RadioGroup } from '@/components/form-controls';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import type { FormState } from '@/lib/forms';
import { VISIBILITY_LABELS, visibilities, type Visibility } from '@/lib/profile/visibility';

const OPTIONS = visibilities.map((v) => ({ value: v, ...VISIBILITY_LABELS[v] }));

/**
 * Who can see the profile: the same radio group in Settings and in the Find Work menu, each
 * posting to its own action (they differ only in where they send the freelancer after).
 */
export function VisibilityForm({
  action,
  current,
  legend,
  className,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  current: Visibility;
  legend: string;
  className?: string;
}) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} noValidate className={className}>
      <FormMessage state={state} />
      <RadioGroup
        name="visibility"
        legend={legend}
        options={OPTIONS}
        value={current}
        errors={errors?.visibility}
      />
      <SubmitButton pendingLabel="Saving…">Save visibility</SubmitButton>
    </form>
  );
}
