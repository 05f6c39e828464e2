'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { TimeZoneSelect } from '@/components/time-zone-select';
import { saveWorkspaceTimeZoneAction } from './actions';

/** The client workspace's time zone; the list comes from the server page. */
export function WorkspaceTimeZoneForm({
  timeZone,
  timeZones,
}: {
  timeZone: string;
  timeZones: string[];
}) {
  const [state, action] = useActionState(saveWorkspaceTimeZoneAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const echoed = state && !state.ok ? state.values?.timeZone : undefined;
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <TimeZoneSelect
        timeZones={timeZones}
        chosen={echoed ?? timeZone}
        hint="Contract, invoice, review and dispute pages show times in this zone, with UTC beside them. The weekly cycle stays in UTC."
        errors={errors.timeZone}
      />
      <SubmitButton pendingLabel="Saving…">Save time zone</SubmitButton>
    </form>
  );
}
