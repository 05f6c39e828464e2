'use client';

import { useActionState } from 'react';
import { Field, FieldError } from '@/components/field';
import { RadioGroup, SelectField } from '@/components/form-controls';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import type { Country } from '@/lib/geo/countries';
import { saveTaxInfoAction } from './actions';

export type TaxDefaults = Record<string, string>;

const BUSINESS_TYPES = [
  { value: 'individual', label: 'Individual (no business)' },
  { value: 'sole_proprietor', label: 'Sole proprietor' },
  { value: 'llc', label: 'LLC' },
  { value: 'c_corp', label: 'C corporation' },
  { value: 's_corp', label: 'S corporation' },
  { value: 'partnership', label: 'Partnership' },
  { value: 'trust', label: 'Trust or estate' },
];
const TIN_TYPES = [
  { value: 'ssn', label: 'Social Security number (SSN)' },
  { value: 'ein', label: 'Employer Identification Number (EIN)' },
];

function useTaxForm(defaults: TaxDefaults) {
  const [state, action] = useActionState(saveTaxInfoAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = { ...defaults, ...(state && !state.ok ? state.values : {}) };
  return { state, action, errors, values };
}

const today = () => new Date().toLocaleDateString('en-US', { dateStyle: 'long' });

function Declaration({
  text,
  nameHint,
  errors,
  values,
}: {
  text: string;
  nameHint: string;
  errors: Record<string, string[]>;
  values: Record<string, string | undefined>;
}) {
  return (
    <fieldset>
      <legend>Declaration</legend>
      <div className="choice">
        <input
          type="checkbox"
          id="certify"
          name="certify"
          value="on"
          defaultChecked={values.certify === 'on'}
          aria-describedby={errors.certify ? 'certify-error' : undefined}
        />
        <label htmlFor="certify">{text}</label>
      </div>
      <FieldError id="certify-error" errors={errors.certify} />
      <Field
        name="signature"
        label="Signature: type your full name"
        hint={nameHint}
        autoComplete="off"
        defaultValue={values.signature}
        errors={errors.signature}
      />
      <p className="hint">Signed on {today()}.</p>
    </fieldset>
  );
}

/**
 * W-9 style, for US persons. The tax id and the payout SSN are never echoed back, nor put
 * in the form when the declaration is replaced: both are typed again, and the payout SSN's
 * hint names the last four of the one on file (`payoutSsnOnFile`) and says that leaving it
 * empty removes it (a new declaration replaces the old one whole).
 */
export function UsTaxForm({
  defaults,
  states,
  payoutSsnOnFile = null,
}: {
  defaults: TaxDefaults;
  states: { code: string; name: string }[];
  /** The last four of the payout SSN on file, if any. */
  payoutSsnOnFile?: string | null;
}) {
  const { state, action, errors, values } = useTaxForm(defaults);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="kind" value="us" />
      <Field
        name="legalName"
        label="Legal name"
        hint="As shown on your tax return."
        autoComplete="name"
        defaultValue={values.legalName}
        errors={errors.legalName}
      />
      <SelectField
        name="businessType"
        label="Business type"
        placeholder="Choose a business type"
        options={BUSINESS_TYPES}
        defaultValue={values.businessType}
        errors={errors.businessType}
      />
      <RadioGroup
        name="tinType"
        legend="Taxpayer identification number"
        options={TIN_TYPES}
        value={values.tinType}
        errors={errors.tinType}
      />
      <Field
        name="tin"
        label="SSN or EIN"
        hint="9 digits. Stored encrypted; we only ever show the last four."
        inputMode="numeric"
        autoComplete="off"
        errors={errors.tin}
      />
      <Field
        name="payoutSsn"
        label="Your Social Security number (optional)"
        hint={
          <>
            Only needed when the taxpayer identification number above is an EIN: Stripe, which pays
            out to US bank accounts, needs your own SSN to verify who you are. Leave it empty if you
            gave your SSN above. Stored encrypted; we only ever show the last four.
            {payoutSsnOnFile && (
              <>
                {' '}
                On file: the one ending {payoutSsnOnFile}. Like the number above it is not shown
                here, so type it again to keep it; left empty, it is removed when you sign.
              </>
            )}
          </>
        }
        inputMode="numeric"
        autoComplete="off"
        errors={errors.payoutSsn}
      />
      <StreetFields values={values} errors={errors} cityLabel="City" />
      <SelectField
        name="state"
        label="State"
        placeholder="Choose a state"
        options={states.map((s) => ({ value: s.code, label: s.name }))}
        defaultValue={values.state}
        errors={errors.state}
      />
      <Field
        name="zip"
        label="ZIP code"
        autoComplete="postal-code"
        inputMode="numeric"
        defaultValue={values.zip}
        errors={errors.zip}
      />
      <Field
        name="dateOfBirth"
        type="date"
        label="Date of birth (optional; Stripe asks for it before paying out to a US bank account)"
        hint="Stored encrypted and sent only to Stripe; only you see it, here. Without a date picker, type it as year-month-day, like 1990-07-14."
        autoComplete="bday"
        min="1900-01-01"
        defaultValue={values.dateOfBirth}
        errors={errors.dateOfBirth}
      />
      <Declaration
        text="Under penalties of perjury, I certify that the number above is my correct taxpayer identification number and that I am a U.S. citizen or other U.S. person."
        nameHint="Exactly as the legal name above."
        errors={errors}
        values={values}
      />
      <SubmitButton pendingLabel="Saving…">Sign and save</SubmitButton>
    </form>
  );
}

/** The street lines and the city, shared by both forms. */
function StreetFields({
  values,
  errors,
  cityLabel,
  streetHint,
}: {
  values: Record<string, string | undefined>;
  errors: Record<string, string[] | undefined>;
  cityLabel: string;
  streetHint?: string;
}) {
  return (
    <>
      <Field
        name="addressLine1"
        label="Street address"
        hint={streetHint}
        autoComplete="address-line1"
        defaultValue={values.addressLine1}
        errors={errors.addressLine1}
      />
      <Field
        name="addressLine2"
        label="Apartment, suite, etc. (optional)"
        autoComplete="address-line2"
        defaultValue={values.addressLine2}
        errors={errors.addressLine2}
      />
      <Field
        name="city"
        label={cityLabel}
        autoComplete="address-level2"
        defaultValue={values.city}
        errors={errors.city}
      />
    </>
  );
}

/** W-8BEN style, for people who are not US persons. */
export function NonUsTaxForm({
  defaults,
  countries,
}: {
  defaults: TaxDefaults;
  countries: Country[];
}) {
  const { state, action, errors, values } = useTaxForm(defaults);
  const options = countries
    .filter((c) => c.code !== 'US')
    .map((c) => ({ value: c.code, label: c.name }));
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="kind" value="non_us" />
      <Field
        name="name"
        label="Full name"
        hint="As on your passport or national ID."
        autoComplete="name"
        defaultValue={values.name}
        errors={errors.name}
      />
      <SelectField
        name="countryOfCitizenship"
        label="Country of citizenship"
        placeholder="Choose a country"
        options={options}
        defaultValue={values.countryOfCitizenship}
        errors={errors.countryOfCitizenship}
      />
      <StreetFields
        values={values}
        errors={errors}
        cityLabel="City or town"
        streetHint="Where you live; not a P.O. box."
      />
      <Field
        name="region"
        label="Region or province (optional)"
        autoComplete="address-level1"
        defaultValue={values.region}
        errors={errors.region}
      />
      <Field
        name="postalCode"
        label="Postal code (optional)"
        autoComplete="postal-code"
        defaultValue={values.postalCode}
        errors={errors.postalCode}
      />
      <SelectField
        name="country"
        label="Country of residence"
        placeholder="Choose a country"
        options={options}
        defaultValue={values.country}
        errors={errors.country}
      />
      <Field
        name="foreignTaxId"
        label="Foreign tax identification number"
        hint="From your country of residence. Stored encrypted; we only ever show the last four characters."
        autoComplete="off"
        errors={errors.foreignTaxId}
      />
      <SelectField
        name="treatyCountry"
        label="Tax treaty country (optional)"
        hint="Only if you claim a reduced rate under a tax treaty with the US."
        placeholder="No treaty benefits claimed"
        options={options}
        defaultValue={values.treatyCountry}
        errors={errors.treatyCountry}
      />
      <Declaration
        text="Under penalties of perjury, I certify that I am not a U.S. person, and that the information above is true, correct and complete."
        nameHint="Exactly as the full name above."
        errors={errors}
        values={values}
      />
      <SubmitButton pendingLabel="Saving…">Sign and save</SubmitButton>
    </form>
  );
}
