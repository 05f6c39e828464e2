import { Field } from '@/components/field';

/**
 * The report's period as a GET form (works without JavaScript): two month inputs, UTC
 * months. A browser without a month picker shows a text box; YYYY-MM is the format asked.
 */
export function PeriodForm({
  action,
  from,
  to,
  fieldErrors,
}: {
  action: string;
  from: string;
  to: string;
  fieldErrors: { from?: string; to?: string };
}) {
  return (
    <form method="get" action={action} className="card narrow" role="search" noValidate>
      <Field
        name="from"
        label="From (month)"
        hint="YYYY-MM, e.g. 2026-01. Months are in UTC."
        type="month"
        defaultValue={from}
        errors={fieldErrors.from ? [fieldErrors.from] : undefined}
      />
      <Field
        name="to"
        label="To (month, included)"
        hint="YYYY-MM. At most 36 months."
        type="month"
        defaultValue={to}
        errors={fieldErrors.to ? [fieldErrors.to] : undefined}
      />
      <button type="submit">Show report</button>
    </form>
  );
}
