import Link from 'next/link';
import type { FormState } from '@/lib/forms';

/** The form-level outcome, in a live region so screen readers hear it. */
export function FormMessage({ state }: { state: FormState }) {
  return (
    <div role="status" aria-live="polite">
      {state && state.message ? (
        <p className={state.ok ? 'notice success' : 'notice error'}>
          {state.message}
          {!state.ok && state.link ? (
            <>
              {' '}
              <Link href={state.link.href}>{state.link.label}</Link>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
