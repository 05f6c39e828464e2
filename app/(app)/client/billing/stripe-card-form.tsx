'use client';

import Script from 'next/script';
import { startTransition, useActionState, useRef, useState, type FormEvent } from 'react';
import { FieldError } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { addStripeCardAction } from './actions';

/** The few parts of Stripe.js this form uses (https://docs.stripe.com/js). */
type StripeCardElement = { mount(el: HTMLElement): void };
type StripeJs = {
  elements(): { create(type: 'card'): StripeCardElement };
  confirmCardSetup(
    clientSecret: string,
    data: { payment_method: { card: StripeCardElement } },
  ): Promise<{ error?: { message?: string }; setupIntent?: { id: string } }>;
};
declare global {
  interface Window {
    Stripe?: (publishableKey: string) => StripeJs;
  }
}

/**
 * Stripe's card field, loaded on this page only: the card goes from the browser to Stripe,
 * which confirms the SetupIntent; our server gets the SetupIntent id and reads the card's
 * brand and last 4 from Stripe.
 */
export function StripeCardForm({
  publishableKey,
  clientSecret,
}: {
  publishableKey: string;
  clientSecret: string;
}) {
  const [state, action] = useActionState(addStripeCardAction, null);
  const mountRef = useRef<HTMLDivElement>(null);
  const stripe = useRef<{ js: StripeJs; card: StripeCardElement } | null>(null);
  const [cardError, setCardError] = useState<string | null>(null);
  const errors = state && !state.ok ? state.fieldErrors : {};

  function mountCard() {
    if (!window.Stripe || !mountRef.current || stripe.current) return;
    const js = window.Stripe(publishableKey);
    const card = js.elements().create('card');
    card.mount(mountRef.current);
    stripe.current = { js, card };
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (!stripe.current) return setCardError('The card field is still loading. Try again.');
    setCardError(null);
    const result = await stripe.current.js.confirmCardSetup(clientSecret, {
      payment_method: { card: stripe.current.card },
    });
    if (result.error || !result.setupIntent) {
      return setCardError(result.error?.message ?? 'Your card was declined. Try another card.');
    }
    const data = new FormData(form);
    data.set('setupIntentId', result.setupIntent.id);
    startTransition(() => action(data));
  }

  return (
    <form onSubmit={confirm} noValidate>
      <Script src="https://js.stripe.com/v3" onReady={mountCard} />
      <FormMessage state={state} />
      <noscript>
        <p className="notice">
          Adding a card needs JavaScript: your card details go straight to Stripe.
        </p>
      </noscript>
      <div className="field">
        <p id="card-label">Card details</p>
        <div ref={mountRef} aria-labelledby="card-label" className="stripe-card" />
        <FieldError
          id="card-error"
          errors={cardError ? [cardError] : (errors.card ?? errors.setupIntentId)}
        />
      </div>
      <SubmitButton pendingLabel="Adding…">Add this card</SubmitButton>
    </form>
  );
}
