/**
 * How much a request may carry, by kind of endpoint (issue 13.1). Files never go to server
 * actions: uploads post to route handlers that check the origin and the session first and
 * then read with their own cap (lib/server/form-body.ts).
 */

/**
 * Every server action (next.config.ts `serverActions.bodySizeLimit`, one number for all).
 * Set by the largest form without a file: the bulk invite's second step posts the checked
 * CSV back (up to BULK_MAX_BYTES, 1,000,000 bytes) with the shared offer (at most ~40 kB at
 * every field's limit); tests/security/body-limits.test.ts measures both forms.
 */
export const ACTION_BODY_LIMIT_BYTES = 1_100_000;

/**
 * Server actions posted without a session cookie (sign-in, its confirmation): a few fields.
 * proxy.ts refuses larger ones before Next.js reads them.
 */
export const ANONYMOUS_ACTION_LIMIT_BYTES = 16 * 1024;

/** Resend's and Stripe's events are a few kB; the cap applies before the signature check. */
export const WEBHOOK_BODY_LIMIT_BYTES = 256 * 1024;
