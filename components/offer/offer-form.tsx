'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import {
  startTransition,
  useActionState,
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import { useFieldArray, useForm, useWatch, type FieldErrors as RhfErrors } from 'react-hook-form';
import { z } from 'zod';
import { ComplianceRequirementNote } from '@/components/compliance-requirement-note';
import { FormMessage } from '@/components/form-message';
import type { ClientType } from '@/lib/compliance/rule';
import type { FormState } from '@/lib/forms';
import { inviteSchema, LIMITS, offerSchema } from '@/lib/invites/schemas';
import { parseDollarsToCents } from '@/lib/money/money';
import { NetPayPreview } from './net-pay-preview';
import styles from './offer-form.module.css';
import { firstRefused, OfferFields, PersonFields, TextField, type ErrorFor } from './offer-fields';

export type OfferFormMode = 'invite' | 'edit' | 'bulk';

const schemas = {
  invite: inviteSchema,
  edit: z.object({ offer: offerSchema }),
  bulk: z.object({ offer: offerSchema, csv: z.string().optional() }),
};

type FormValues = Record<string, unknown>;

export type OfferFormProps = {
  mode: OfferFormMode;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  feeBps: number;
  /** Flat initial values with dotted names ("offer.title"). */
  initial: Record<string, string>;
  hidden?: Record<string, string>;
  submitLabel: string;
  before?: ReactNode | ((state: FormState) => ReactNode);
  /** The client's workspace type: the form says what the invitee will be asked for. */
  clientType: ClientType;
  /** Extra content that depends on the action's answer (the bulk report). */
  renderAfter?: (state: FormState) => ReactNode;
};

/** Rebuilds nested values from dotted names, for react-hook-form's defaults. */
function nest(flat: Record<string, string>): FormValues {
  const out: FormValues = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    let node = out as Record<string, unknown>;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = value;
      else node = (node[part] ??= /^\d+$/.test(parts[i + 1]) ? [] : {}) as Record<string, unknown>;
    });
  }
  return out;
}

function milestoneCount(flat: Record<string, string>, requested?: string): number {
  const indices = Object.keys(flat)
    .map((k) => /^offer\.milestones\.(\d+)\./.exec(k)?.[1])
    .filter(Boolean)
    .map(Number);
  const fromValues = indices.length ? Math.max(...indices) + 1 : 1;
  const wanted = Number(requested ?? 0) || fromValues;
  return Math.min(LIMITS.milestones, Math.max(1, wanted));
}

function clientError(errors: RhfErrors, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/**
 * The offer form (invite, edit or bulk). With JavaScript, react-hook-form validates with
 * the same zod schema as the server before the action runs; without it, the form posts
 * to the action and the server's errors come back beside each field. Either way the focus
 * goes to the first refused field: react-hook-form's own for its checks, `autoFocus` on the
 * page answered without JavaScript, and the effect below for a refusal by the server.
 */
export function OfferForm(props: OfferFormProps) {
  const [state, formAction, pending] = useActionState(props.action, null);
  const serverValues = state && !state.ok ? state.values : undefined;
  const flat = serverValues ?? props.initial;
  const rows = milestoneCount(flat, serverValues?.milestoneRows);
  const defaults = nest(flat);
  const offerDefaults = (defaults.offer ?? {}) as Record<string, unknown>;
  offerDefaults.milestones = Array.from(
    { length: rows },
    (_, i) =>
      (offerDefaults.milestones as unknown[] | undefined)?.[i] ?? {
        description: '',
        amountDollars: '',
        dueDate: '',
      },
  );
  defaults.offer = offerDefaults;

  const formRef = useRef<HTMLFormElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const form = useForm<FormValues>({
    resolver: zodResolver(schemas[props.mode] as unknown as z.ZodType<FormValues, FormValues>),
    defaultValues: defaults,
    mode: 'onTouched',
  });
  const milestones = useFieldArray({ control: form.control, name: 'offer.milestones' as never });
  const watched = useWatch({ control: form.control }) as FormValues;
  const offer = (watched.offer ?? {}) as Record<string, unknown>;

  // The submit button, disabled while the action runs, has dropped the focus by then.
  useEffect(() => {
    if (!state || state.ok || Object.keys(state.fieldErrors).length === 0) return;
    const invalid = formRef.current?.querySelectorAll<HTMLElement>('[aria-invalid="true"]');
    Array.from(invalid ?? [])
      .find((el) => el.checkVisibility())
      ?.focus();
  }, [state]);
  const focusName = state && !state.ok ? firstRefused(state.fieldErrors) : undefined;

  const errorFor: ErrorFor = (path) => {
    const fromClient = clientError(form.formState.errors, path);
    if (fromClient) return [fromClient];
    return state && !state.ok ? state.fieldErrors[path] : undefined;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.name === 'intent') return; // "add a milestone row" posts without validation
    event.preventDefault();
    void form.handleSubmit(() => {
      startTransition(() => formAction(new FormData(formRef.current!)));
    })(event);
  };

  const kind = (offer.kind as string | undefined) ?? (flat['offer.kind'] || 'hourly');
  const previewMilestones = (
    (offer.milestones as { description?: string; amountDollars?: string }[] | undefined) ?? []
  ).map((m) => ({
    description: m?.description ?? '',
    amountCents: parseDollarsToCents(m?.amountDollars ?? ''),
  }));
  const weekly = String(offer.weeklyLimit ?? '').trim();

  return (
    <form
      ref={(el) => {
        formRef.current = el;
        if (el && !hydrated) setHydrated(true);
      }}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className={styles.layout}
    >
      <div className={styles.fields}>
        <FormMessage state={state} />
        {Object.entries(props.hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {typeof props.before === 'function' ? props.before(state) : props.before}
        {props.mode === 'invite' && (
          <PersonFields
            register={form.register}
            errorFor={errorFor}
            values={flat}
            focusName={focusName}
          />
        )}
        <OfferFields
          register={form.register}
          errorFor={errorFor}
          values={flat}
          focusName={focusName}
          kind={hydrated ? kind : undefined}
          milestoneRows={hydrated ? milestones.fields.length : rows}
          onAddMilestone={
            hydrated
              ? () =>
                  milestones.append({ description: '', amountDollars: '', dueDate: '' } as never)
              : undefined
          }
          onRemoveMilestone={
            hydrated && milestones.fields.length > 1 ? (i) => milestones.remove(i) : undefined
          }
          milestoneKeys={hydrated ? milestones.fields.map((f) => f.id) : undefined}
        />
        {props.mode === 'invite' && (
          <TextField
            register={form.register}
            errorFor={errorFor}
            values={flat}
            focusName={focusName}
            name="message"
            label="Personal message (optional)"
            hint={`Up to ${LIMITS.message.toLocaleString('en-US')} characters, shown in the invitation email.`}
            multiline
          />
        )}
        <ComplianceRequirementNote
          clientType={props.clientType}
          draft={
            hydrated
              ? { kind: kind === 'fixed' ? 'fixed' : 'hourly', weeklyLimit: weekly }
              : undefined
          }
        />
      </div>
      <aside aria-labelledby="net-pay-heading" className={`card ${styles.preview}`}>
        <h2 id="net-pay-heading">Net pay preview</h2>
        <p className="hint">
          What you pay and what the freelancer receives after the service fee, as you type.
        </p>
        <div aria-live="polite">
          <NetPayPreview
            audience="client"
            input={{
              kind: kind === 'fixed' ? 'fixed' : 'hourly',
              hourlyRateCents: parseDollarsToCents(
                String(offer.hourlyRateDollars ?? flat['offer.hourlyRateDollars'] ?? ''),
              ),
              weeklyLimitHours: /^\d+$/.test(weekly) ? Number(weekly) : null,
              milestones: previewMilestones,
              feeBps: props.feeBps,
            }}
          />
        </div>
      </aside>
      {/* After the preview, in reading order too: the client sees the net pay, then sends. */}
      <div className={styles.submit}>
        <button type="submit" disabled={pending}>
          {pending ? 'Working…' : props.submitLabel}
        </button>
        {props.renderAfter?.(state)}
      </div>
    </form>
  );
}
