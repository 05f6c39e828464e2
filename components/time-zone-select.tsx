'use client';

import { useEffect, useRef } from 'react';
import { SelectField } from './form-controls';

/**
 * The time zone select of the freelancer's basic info and the client's workspace. Without a
 * chosen zone (`chosen` empty) it starts on UTC, which a browser without JavaScript submits,
 * and with JavaScript it is preset to the browser's zone when the list has it.
 */
export function TimeZoneSelect({
  timeZones,
  chosen,
  errors,
  hint,
}: {
  /** TIME_ZONES, from the server page (so the list is not in the browser bundle). */
  timeZones: string[];
  chosen: string;
  errors?: string[];
  hint?: string;
}) {
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    const select = ref.current;
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (select && !chosen && timeZones.includes(browserZone)) select.value = browserZone;
  }, [chosen, timeZones]);
  return (
    <SelectField
      id="timeZone"
      name="timeZone"
      label="Time zone"
      hint={hint}
      ref={ref}
      options={timeZones.map((tz) => ({ value: tz, label: tz.replaceAll('_', ' ') }))}
      defaultValue={chosen || 'UTC'}
      errors={errors}
    />
  );
}
