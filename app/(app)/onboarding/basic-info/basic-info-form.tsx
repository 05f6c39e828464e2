'use client';

import { useActionState, useEffect, useRef } from 'react';
import { Field, FieldError } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import type { Country } from '@/lib/geo/countries';
import { saveBasicInfoAction } from '../actions';

export type BasicInfoDefaults = {
  firstName: string;
  lastName: string;
  country: string;
  timeZone: string;
  phone: string;
};

/** The country list comes from the server page, so its data is not in the browser bundle. */
export function BasicInfoForm({
  defaults,
  timeZones,
  countries,
}: {
  defaults: BasicInfoDefaults;
  timeZones: string[];
  countries: Country[];
}) {
  const [state, action] = useActionState(saveBasicInfoAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const echoed = state && !state.ok ? state.values : undefined;
  const values = { ...defaults, ...echoed };
  const timeZoneRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    // Preset the time zone from the browser when nothing was chosen yet.
    const select = timeZoneRef.current;
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (select && !values.timeZone && timeZones.includes(browserZone)) select.value = browserZone;
  }, [values.timeZone, timeZones]);
  const describe = (name: string) => (errors[name]?.length ? `${name}-error` : undefined);
  return (
    <form action={action} noValidate className="card">
      <FormMessage state={state} />
      <Field
        name="firstName"
        label="First name"
        autoComplete="given-name"
        defaultValue={values.firstName}
        errors={errors.firstName}
      />
      <Field
        name="lastName"
        label="Last name"
        autoComplete="family-name"
        defaultValue={values.lastName}
        errors={errors.lastName}
      />
      <div className="field">
        <label htmlFor="country">Country you live in</label>
        {/* Keyed by the value: React sets a select's default only when it mounts, and a
            refused form is reset to its defaults (see SelectField). */}
        <select
          key={values.country}
          id="country"
          name="country"
          defaultValue={values.country}
          aria-invalid={errors.country ? true : undefined}
          aria-describedby={describe('country')}
        >
          <option value="">Choose a country</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldError id="country-error" errors={errors.country} />
      </div>
      <div className="field">
        <label htmlFor="timeZone">Time zone</label>
        <select
          key={values.timeZone}
          id="timeZone"
          name="timeZone"
          ref={timeZoneRef}
          defaultValue={values.timeZone || 'UTC'}
          aria-invalid={errors.timeZone ? true : undefined}
          aria-describedby={describe('timeZone')}
        >
          {timeZones.map((tz) => (
            <option key={tz} value={tz}>
              {tz.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
        <FieldError id="timeZone-error" errors={errors.timeZone} />
      </div>
      <Field
        name="phone"
        label="Phone (optional)"
        type="tel"
        autoComplete="tel"
        hint="With the country code, like +44 20 7946 0958."
        defaultValue={values.phone}
        errors={errors.phone}
      />
      <div className="choice">
        <input
          type="checkbox"
          id="acceptTerms"
          name="acceptTerms"
          value="on"
          defaultChecked={echoed?.acceptTerms === 'on'}
          aria-describedby={describe('acceptTerms')}
        />
        <label htmlFor="acceptTerms">
          I accept the <a href="/help/how-workbridge-works">terms of service</a>.
        </label>
      </div>
      <FieldError id="acceptTerms-error" errors={errors.acceptTerms} />
      <SubmitButton pendingLabel="Saving…">Save and continue</SubmitButton>
    </form>
  );
}
