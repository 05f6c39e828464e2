import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { behaviourOf, brandOf, digitsOf } from '@/lib/payments/cards';
import { connectStandIn } from './stripe-connect-stand-in';

type Json = Record<string, unknown>;
type Answer = { status: number; body: Json };

const idOf = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;

/**
 * A local stand-in for the part of Stripe's API the adapter calls (customers, setup_intents,
 * payment_methods, payment_intents, refunds), reached through the SDK's host, port and
 * protocol options. Like Stripe, a POST repeated with the same Idempotency-Key gets the
 * first answer again and creates nothing. The test plays the browser's part with
 * confirmSetupIntent (Stripe.js would confirm the card with Stripe), may make the next
 * charges hang after they were made (a timeout after charging), and builds webhook events.
 * Connect's endpoints (accounts, transfers, payouts) are in stripe-connect-stand-in.ts.
 */
export async function startStripeStandIn(options: { unref?: boolean } = {}) {
  const customers = new Map<string, Json>();
  const setupIntents = new Map<string, Json>();
  const paymentMethods = new Map<string, Json & { behaviour: string }>();
  const paymentIntents = new Map<string, Json>();
  const refunds = new Map<string, Json>();
  const replays = new Map<string, Answer>();
  const requests: { method: string; path: string; idempotencyKey: string | undefined }[] = [];
  let hangAfterCharging = 0;
  let hangAfterPayingOut = 0;
  const connect = connectStandIn();

  const readBody = (req: IncomingMessage) =>
    new Promise<URLSearchParams>((resolve) => {
      let data = '';
      req.on('data', (chunk) => (data += chunk));
      req.on('end', () => resolve(new URLSearchParams(data)));
    });

  const send = (res: ServerResponse, answer: Answer) => {
    res.writeHead(answer.status, { 'content-type': 'application/json', 'request-id': idOf('req') });
    res.end(JSON.stringify(answer.body));
  };
  const ok = (body: Json): Answer => ({ status: 200, body });
  const missing = (what: string): Answer => ({
    status: 404,
    body: { error: { type: 'invalid_request_error', message: `No such ${what}` } },
  });

  function createPaymentIntent(form: URLSearchParams): Answer {
    const method = paymentMethods.get(form.get('payment_method') ?? '');
    if (!method) return missing('payment_method');
    const declined = method.behaviour === 'decline-on-charge';
    const intent: Json = {
      id: idOf('pi'),
      object: 'payment_intent',
      amount: Number(form.get('amount')),
      currency: form.get('currency'),
      customer: form.get('customer'),
      payment_method: method.id,
      status: declined ? 'requires_payment_method' : 'succeeded',
      last_payment_error: declined
        ? { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' }
        : null,
    };
    paymentIntents.set(intent.id as string, intent);
    if (!declined) return ok(intent);
    return {
      status: 402,
      body: {
        error: {
          type: 'card_error',
          code: 'card_declined',
          message: 'Your card was declined.',
          payment_intent: intent,
        },
      },
    };
  }

  function route(
    method: string,
    path: string,
    form: URLSearchParams,
    stripeAccount: string | undefined,
    idempotencyKey?: string,
  ): Answer {
    const connected = connect.route(method, path, form, stripeAccount, idempotencyKey);
    if (connected) return connected;
    const [, , resource, id, action] = path.split('/');
    if (method === 'POST' && resource === 'customers' && !id) {
      const customer = { id: idOf('cus'), object: 'customer', name: form.get('name') };
      customers.set(customer.id, customer);
      return ok(customer);
    }
    if (resource === 'setup_intents') {
      if (method === 'POST' && !id) {
        const intentId = idOf('seti');
        const intent = {
          id: intentId,
          object: 'setup_intent',
          client_secret: `${intentId}_secret_${randomBytes(6).toString('hex')}`,
          customer: form.get('customer'),
          status: 'requires_payment_method',
          payment_method: null,
          last_setup_error: null,
        };
        setupIntents.set(intentId, intent);
        return ok(intent);
      }
      return setupIntents.has(id) ? ok(setupIntents.get(id)!) : missing('setup_intent');
    }
    if (resource === 'payment_methods') {
      const pm = paymentMethods.get(id);
      if (!pm) return missing('payment_method');
      if (action === 'detach') pm.customer = null;
      const { behaviour: _hidden, ...visible } = pm;
      return ok(visible);
    }
    if (resource === 'payment_intents') {
      if (method === 'POST' && !id) return createPaymentIntent(form);
      return paymentIntents.has(id) ? ok(paymentIntents.get(id)!) : missing('payment_intent');
    }
    if (method === 'POST' && resource === 'refunds') {
      const intent = paymentIntents.get(form.get('payment_intent') ?? '');
      if (!intent || intent.status !== 'succeeded') return missing('payment_intent');
      const refund = {
        id: idOf('re'),
        object: 'refund',
        amount: Number(form.get('amount')),
        payment_intent: intent.id,
        status: 'succeeded',
      };
      refunds.set(refund.id, refund);
      return ok(refund);
    }
    return missing(path);
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const form = await readBody(req);
    const key = req.headers['idempotency-key'] as string | undefined;
    requests.push({ method: req.method ?? 'GET', path: url.pathname, idempotencyKey: key });
    const replayKey = key && req.method === 'POST' ? `${url.pathname} ${key}` : null;
    const answer =
      (replayKey ? replays.get(replayKey) : undefined) ??
      route(
        req.method ?? 'GET',
        url.pathname,
        form,
        req.headers['stripe-account'] as string | undefined,
        key,
      );
    // Like Stripe, a request refused as invalid saves no result: a resend is tried anew.
    if (replayKey && answer.status !== 400) replays.set(replayKey, answer);
    if (url.pathname === '/v1/payouts' && req.method === 'POST' && hangAfterPayingOut > 0) {
      hangAfterPayingOut -= 1;
      return; // paid out (or replayed), and never answers
    }
    if (url.pathname === '/v1/payment_intents' && req.method === 'POST' && hangAfterCharging > 0) {
      hangAfterCharging -= 1;
      return; // charged (or replayed), and never answers
    }
    send(res, answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  if (options.unref) server.unref();
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    customers,
    paymentIntents,
    refunds,
    connect,
    /** The next `count` payout requests (new or replayed) are made, then left unanswered. */
    hangAfterPayingOut(count: number) {
      hangAfterPayingOut = count;
    },
    /** The next `count` charge requests (new or replayed) are made, then left unanswered. */
    hangAfterCharging(count: number) {
      hangAfterCharging = count;
    },
    /** What Stripe.js does in the browser: the card is confirmed on the SetupIntent. */
    confirmSetupIntent(setupIntentId: string, number: string) {
      const intent = setupIntents.get(setupIntentId);
      if (!intent) throw new Error(`No SetupIntent ${setupIntentId}`);
      const digits = digitsOf(number);
      const behaviour = behaviourOf(digits);
      if (behaviour.kind === 'decline-on-save') {
        intent.last_setup_error = { code: 'card_declined', message: 'Your card was declined.' };
        return intent;
      }
      const pm = {
        id: idOf('pm'),
        object: 'payment_method',
        type: 'card',
        customer: intent.customer,
        card: { brand: brandOf(digits), last4: digits.slice(-4), exp_month: 12, exp_year: 2040 },
        behaviour: behaviour.kind,
      };
      paymentMethods.set(pm.id, pm);
      Object.assign(intent, { status: 'succeeded', payment_method: pm.id });
      return intent;
    },
    /** A webhook event as Stripe would send it about a PaymentIntent's state. */
    eventAbout(intentId: string, type: string, status: string): string {
      const intent = { ...paymentIntents.get(intentId), status };
      return JSON.stringify({
        id: idOf('evt'),
        object: 'event',
        type,
        api_version: '2026-10-28.endive',
        created: Math.floor(Date.now() / 1000),
        data: { object: intent },
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type StripeStandIn = Awaited<ReturnType<typeof startStripeStandIn>>;

let shared: Promise<StripeStandIn> | undefined;

/**
 * One stand-in for a whole test file whose cases cannot close it (the matrix, the fuzzer):
 * it does not keep the process alive.
 */
export function sharedStripeStandIn(): Promise<StripeStandIn> {
  shared ??= startStripeStandIn({ unref: true });
  return shared;
}

/** The settings that select Stripe, pointed at a stand-in. */
export function stripeEnvFor(standIn: StripeStandIn, webhookSecret = 'whsec_stand_in_secret') {
  return {
    PAYMENTS_PROVIDER: 'stripe',
    STRIPE_SECRET_KEY: 'sk_test_standin',
    STRIPE_PUBLISHABLE_KEY: 'pk_test_standin',
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_API_URL: standIn.url,
  };
}
