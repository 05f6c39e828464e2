import { Field } from '@/components/field';

type Values = { date?: string; from?: string; to?: string; memo?: string };

/** Date, start, end (UTC, 10-minute steps) and memo: the manual entry and edit forms. */
export function EntryFields({
  values,
  errors,
  withTimes,
}: {
  values: Values;
  errors: Record<string, string[] | undefined>;
  withTimes: boolean;
}) {
  return (
    <>
      {withTimes && (
        <>
          <Field
            name="date"
            label="Date (UTC)"
            type="date"
            required
            defaultValue={values.date}
            errors={errors.date}
          />
          <Field
            name="from"
            label="From (UTC, 24-hour)"
            hint="HH:MM in 10-minute steps, like 09:00 or 09:10."
            inputMode="numeric"
            placeholder="HH:MM"
            required
            defaultValue={values.from}
            errors={errors.from}
          />
          <Field
            name="to"
            label="To (UTC, 24-hour)"
            hint="HH:MM in 10-minute steps; 24:00 is the end of the day (an entry stays within one UTC day)."
            inputMode="numeric"
            placeholder="HH:MM"
            required
            defaultValue={values.to}
            errors={errors.to}
          />
        </>
      )}
      <Field
        name="memo"
        label="Memo"
        hint="What you worked on. Time without a memo is not covered by payment protection."
        maxLength={500}
        defaultValue={values.memo}
        errors={errors.memo}
      />
    </>
  );
}
