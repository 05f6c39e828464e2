'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

/** Disabled while its form is submitting, so a double click sends once. */
export function SubmitButton({
  children,
  pendingLabel,
}: {
  children: ReactNode;
  pendingLabel?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending}>
      {pending ? (pendingLabel ?? 'Working…') : children}
    </button>
  );
}
