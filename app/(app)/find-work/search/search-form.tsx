import { Field } from '@/components/field';
import { SelectField } from '@/components/form-controls';
import {
  DURATION_OPTIONS,
  EXPERIENCE_OPTIONS,
  KIND_OPTIONS,
  POSTED_OPTIONS,
  SORT_OPTIONS,
  WORKLOAD_OPTIONS,
} from '@/lib/job-search/labels';

type Values = Record<string, string | undefined>;
type Errors = Record<string, string[] | undefined>;

/** The search itself: a GET form, so it works without JavaScript and its URL can be shared. */
export function SearchForm({ values, errors }: { values: Values; errors: Errors }) {
  return (
    <form method="get" action="/find-work/search" role="search">
      <Field
        name="q"
        label="Search jobs"
        type="search"
        hint="Words from the title, skills or description."
        defaultValue={values.q ?? ''}
        errors={errors.q}
      />
      <SelectField
        name="kind"
        label="Hourly or fixed price"
        options={KIND_OPTIONS}
        placeholder="Either"
        defaultValue={values.kind ?? ''}
        errors={errors.kind}
      />
      <Field
        name="min"
        label="Rate or budget from (USD)"
        inputMode="numeric"
        defaultValue={values.min ?? ''}
        errors={errors.min}
      />
      <Field
        name="max"
        label="Rate or budget up to (USD)"
        inputMode="numeric"
        defaultValue={values.max ?? ''}
        errors={errors.max}
      />
      <SelectField
        name="experience"
        label="Experience"
        options={EXPERIENCE_OPTIONS}
        placeholder="Any"
        defaultValue={values.experience ?? ''}
        errors={errors.experience}
      />
      <SelectField
        name="duration"
        label="Duration"
        options={DURATION_OPTIONS}
        placeholder="Any"
        defaultValue={values.duration ?? ''}
        errors={errors.duration}
      />
      <SelectField
        name="workload"
        label="Workload"
        options={WORKLOAD_OPTIONS}
        placeholder="Any"
        defaultValue={values.workload ?? ''}
        errors={errors.workload}
      />
      <SelectField
        name="posted"
        label="Posted within"
        options={POSTED_OPTIONS}
        placeholder="Any time"
        defaultValue={values.posted ?? ''}
        errors={errors.posted}
      />
      <div className="field">
        <label>
          <input
            type="checkbox"
            name="billing"
            value="yes"
            defaultChecked={values.billing === 'yes'}
          />{' '}
          Client has a billing method
        </label>
      </div>
      <SelectField
        name="sort"
        label="Sort by"
        options={SORT_OPTIONS}
        defaultValue={values.sort ?? 'relevance'}
        errors={errors.sort}
      />
      <button type="submit">Search</button>
    </form>
  );
}
