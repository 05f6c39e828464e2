'use client';

import type { UseFormRegister } from 'react-hook-form';
import { FieldError } from '@/components/field';
import { LIMITS } from '@/lib/invites/schemas';

export type ErrorFor = (path: string) => string[] | undefined;
type Register = UseFormRegister<Record<string, unknown>>;
type Common = {
  register: Register;
  errorFor: ErrorFor;
  values: Record<string, string>;
  /** The field to focus when the page loads: the first the server refused (firstRefused). */
  focusName?: string;
};

const idOf = (name: string) => `f-${name.replaceAll('.', '-')}`;

const MILESTONE_PARTS = ['description', 'amountDollars', 'dueDate'];
const ORDER = [
  'email',
  'firstName',
  'lastName',
  'offer.title',
  'offer.description',
  'offer.startDate',
  'offer.kind',
  'offer.hourlyRateDollars',
  'offer.weeklyLimit',
  'offer.allowManualTime',
];

/** Where a field comes on the form, top to bottom (-1: not one of these fields). */
function placeOf(name: string): number {
  const milestone = /^offer\.milestones\.(\d+)\.(\w+)$/.exec(name);
  if (milestone) {
    const part = MILESTONE_PARTS.indexOf(milestone[2]);
    return part === -1 ? -1 : ORDER.length + 1 + Number(milestone[1]) * 3 + part;
  }
  if (name === 'offer.milestones') return ORDER.length;
  if (name === 'message') return 10_000;
  return ORDER.indexOf(name);
}

/**
 * The first field, top to bottom, that the server refused: the page the server answers
 * without JavaScript focuses it. The milestones' own error ("add at least one") focuses the
 * first milestone's description.
 */
export function firstRefused(fieldErrors: Record<string, string[]>): string | undefined {
  const first = Object.keys(fieldErrors)
    .filter((name) => fieldErrors[name]?.length && placeOf(name) !== -1)
    .sort((a, b) => placeOf(a) - placeOf(b))[0];
  return first === 'offer.milestones' ? 'offer.milestones.0.description' : first;
}

export function TextField({
  register,
  errorFor,
  values,
  name,
  label,
  hint,
  type = 'text',
  multiline,
  autoComplete,
  inputMode,
  focusName,
}: Common & {
  name: string;
  label: string;
  hint?: string;
  type?: string;
  multiline?: boolean;
  autoComplete?: string;
  inputMode?: 'decimal' | 'numeric' | 'email';
}) {
  const id = idOf(name);
  const errors = errorFor(name);
  const describedBy =
    [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  const shared = {
    id,
    ...register(name),
    defaultValue: values[name] ?? '',
    'aria-invalid': errors?.length ? true : undefined,
    'aria-describedby': describedBy,
    autoFocus: focusName === name,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea rows={4} {...shared} />
      ) : (
        <input type={type} autoComplete={autoComplete} inputMode={inputMode} {...shared} />
      )}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function PersonFields(props: Common) {
  return (
    <fieldset>
      <legend>The freelancer</legend>
      <TextField {...props} name="email" label="Email address" type="email" autoComplete="off" />
      <TextField {...props} name="firstName" label="First name" autoComplete="off" />
      <TextField {...props} name="lastName" label="Last name" autoComplete="off" />
    </fieldset>
  );
}

type OfferFieldsProps = Common & {
  /** Known once JavaScript runs: the other kind's fields are then hidden. */
  kind: string | undefined;
  milestoneRows: number;
  milestoneKeys?: string[];
  onAddMilestone?: () => void;
  onRemoveMilestone?: (index: number) => void;
};

export function OfferFields(props: OfferFieldsProps) {
  const { register, errorFor, values, kind, focusName } = props;
  const kindErrors = errorFor('offer.kind');
  const checkedKind = values['offer.kind'] || 'hourly';
  return (
    <>
      <fieldset>
        <legend>The contract offer</legend>
        <TextField
          {...props}
          name="offer.title"
          label="Contract title"
          hint={`Up to ${LIMITS.title} characters.`}
        />
        <TextField
          {...props}
          name="offer.description"
          label="Description (optional)"
          multiline
          hint="What the work is about."
        />
        <TextField
          {...props}
          name="offer.startDate"
          label="Start date"
          type="date"
          hint="Today or later."
        />
        <fieldset aria-describedby={kindErrors?.length ? 'f-offer-kind-error' : undefined}>
          <legend>How is the work paid?</legend>
          {(['hourly', 'fixed'] as const).map((k) => (
            <div className="choice" key={k}>
              <input
                type="radio"
                id={`f-offer-kind-${k}`}
                value={k}
                defaultChecked={checkedKind === k}
                autoFocus={focusName === 'offer.kind' && checkedKind === k}
                {...register('offer.kind')}
              />
              <label htmlFor={`f-offer-kind-${k}`}>
                {k === 'hourly' ? 'Hourly' : 'Fixed price, in milestones'}
              </label>
            </div>
          ))}
          <FieldError id="f-offer-kind-error" errors={kindErrors} />
        </fieldset>
      </fieldset>

      <fieldset hidden={kind === 'fixed'}>
        <legend>Hourly terms{kind ? '' : ' (if hourly)'}</legend>
        <TextField
          {...props}
          name="offer.hourlyRateDollars"
          label="Hourly rate (USD)"
          inputMode="decimal"
          hint="From $3.00 to $999.99, e.g. 45 or 45.50."
        />
        <TextField
          {...props}
          name="offer.weeklyLimit"
          label="Weekly limit in hours"
          inputMode="numeric"
          hint="1 to 80 hours; leave empty for no limit."
        />
        <div className="choice">
          <input
            type="checkbox"
            id="f-offer-allowManualTime"
            value="on"
            defaultChecked={values['offer.allowManualTime'] === 'on'}
            {...register('offer.allowManualTime')}
          />
          <label htmlFor="f-offer-allowManualTime">Allow manual time entries</label>
        </div>
      </fieldset>

      <fieldset hidden={kind === 'hourly'}>
        <legend>Milestones{kind ? '' : ' (if fixed price)'}</legend>
        <p className="hint">
          1 to {LIMITS.milestones} milestones; the total is their sum. Blank rows are ignored.
        </p>
        <FieldError id="f-offer-milestones-error" errors={errorFor('offer.milestones')} />
        {Array.from({ length: props.milestoneRows }, (_, i) => (
          <div className="milestone" key={props.milestoneKeys?.[i] ?? i}>
            <p className="milestone-title">Milestone {i + 1}</p>
            <TextField
              {...props}
              name={`offer.milestones.${i}.description`}
              label={`Milestone ${i + 1} description`}
            />
            <TextField
              {...props}
              name={`offer.milestones.${i}.amountDollars`}
              label={`Milestone ${i + 1} amount (USD)`}
              inputMode="decimal"
            />
            <TextField
              {...props}
              name={`offer.milestones.${i}.dueDate`}
              label={`Milestone ${i + 1} due date`}
              type="date"
            />
            {props.onRemoveMilestone && (
              <button
                type="button"
                className="secondary"
                onClick={() => props.onRemoveMilestone?.(i)}
              >
                Remove milestone {i + 1}
              </button>
            )}
          </div>
        ))}
        {props.milestoneRows < LIMITS.milestones && (
          <button
            type="submit"
            name="intent"
            value="add-milestone"
            className="secondary"
            formNoValidate
            onClick={(e) => {
              if (props.onAddMilestone) {
                e.preventDefault();
                props.onAddMilestone();
              }
            }}
          >
            Add another milestone
          </button>
        )}
        <input type="hidden" name="milestoneRows" value={props.milestoneRows} />
      </fieldset>
    </>
  );
}
