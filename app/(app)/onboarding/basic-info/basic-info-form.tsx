'use client';

import { useActionState } from 'react';
import { Field, FieldError } from '@/components/field';
import { SelectField } from '@/components/form-controls';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { TimeZoneSelect } from '@/components/time-zone-select';
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
      <SelectField
        id="country"
        name="country"
        label="Country you live in"
        placeholder="Choose a country"
        options={countries.map((c) => ({ value: c.code, label: c.name }))}
        defaultValue={values.country}
        errors={errors.country}
      />
      <TimeZoneSelect timeZones={timeZones} chosen={values.timeZone} errors={errors.timeZone} />
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
          I accept the <a href="/terms">terms of service</a>, which include the Stripe Connected
          Account Agreement.
        </label>
      </div>
      <FieldError id="acceptTerms-error" errors={errors.acceptTerms} />
      <SubmitButton pendingLabel="Saving…">Save and continue</SubmitButton>
    </form>
  );
}
