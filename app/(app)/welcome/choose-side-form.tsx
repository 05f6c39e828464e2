'use client';

import { useActionState } from 'react';
import { Field, FieldError } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { TimeZoneSelect } from '@/components/time-zone-select';
import { chooseSideAction } from './actions';

const TYPES = [
  { value: 'individual', label: 'Individual', hint: 'You hire for yourself.' },
  { value: 'company', label: 'Company', hint: 'A business with a few people hiring.' },
  {
    value: 'enterprise',
    label: 'Enterprise',
    hint: 'A large organisation; contracts get a compliance check.',
  },
];

/** The time zone list comes from the server page, so its data is not in the browser bundle. */
export function ChooseSideForm({
  defaultSide,
  timeZones,
}: {
  defaultSide?: string;
  timeZones: string[];
}) {
  const [state, action] = useActionState(chooseSideAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : undefined;
  const side = values?.side ?? defaultSide;
  return (
    <form action={action} noValidate className="card">
      <FormMessage state={state} />
      <fieldset aria-describedby={errors.side ? 'side-error' : undefined}>
        <legend>What do you want to do on Workbridge?</legend>
        <div className="choice">
          <input
            type="radio"
            id="side-client"
            name="side"
            value="client"
            defaultChecked={side === 'client'}
          />
          <label htmlFor="side-client">I want to hire freelancers</label>
        </div>
        <div className="choice">
          <input
            type="radio"
            id="side-freelancer"
            name="side"
            value="freelancer"
            defaultChecked={side === 'freelancer'}
          />
          <label htmlFor="side-freelancer">I want to work as a freelancer</label>
        </div>
        <FieldError id="side-error" errors={errors.side} />
      </fieldset>
      <fieldset>
        <legend>Your client workspace (only if you hire)</legend>
        <Field
          name="yourName"
          label="Your name"
          hint="Shown to freelancers: “Dana Lee of Acme invited you…”."
          autoComplete="name"
          maxLength={80}
          defaultValue={values?.yourName}
          errors={errors.yourName}
        />
        <Field
          name="workspaceName"
          label="Workspace name"
          hint="Your company or your own name; freelancers see it in invitations."
          maxLength={120}
          defaultValue={values?.workspaceName}
          errors={errors.workspaceName}
        />
        <div
          role="radiogroup"
          aria-labelledby="workspace-type-label"
          aria-describedby={errors.workspaceType ? 'workspace-type-error' : undefined}
        >
          <p id="workspace-type-label" className="label">
            <strong>You hire as</strong>
          </p>
          {TYPES.map((t) => (
            <div className="choice" key={t.value}>
              <input
                type="radio"
                id={`type-${t.value}`}
                name="workspaceType"
                value={t.value}
                defaultChecked={values?.workspaceType === t.value}
              />
              <label htmlFor={`type-${t.value}`}>
                {t.label} <span className="muted">({t.hint})</span>
              </label>
            </div>
          ))}
          <FieldError id="workspace-type-error" errors={errors.workspaceType} />
        </div>
        <TimeZoneSelect
          timeZones={timeZones}
          chosen={values?.timeZone ?? ''}
          hint="Your pages show times in this zone, with UTC beside them."
          errors={errors.timeZone}
        />
      </fieldset>
      <SubmitButton pendingLabel="Saving…">Continue</SubmitButton>
    </form>
  );
}
