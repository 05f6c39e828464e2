import { z } from 'zod';

/**
 * The only reader of process.env. Every setting is validated here; a bad value stops
 * start-up with a message that names the variable.
 */
const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = (fallback: number, max = 1_000_000) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Unset: required in production; elsewhere http://localhost:<PORT> (see parseEnv). */
    APP_URL: z
      .url({ protocol: /^https?$/ })
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
    /**
     * The port the server listens on. `next dev -p 3101` and `next start -p` set it in the
     * server's process once it listens (next/dist/server/lib/start-server.js), before any
     * request or instrumentation runs, so a development link follows the port in use.
     */
    PORT: z.coerce.number().int().min(1).max(65_535).optional(),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    /** Connections each app process keeps to DATABASE_URL (see README, "Production configuration"). */
    DATABASE_POOL_MAX: positiveInt(5, 100),
    PGLITE_DIR: z.string().min(1).default('.data/pglite'),
    /** false: PGlite runs every query its own way, without db/pglite-statements.ts (see there). */
    PGLITE_PREPARED_STATEMENTS: booleanString.default(true),
    DATA_DIR: z.string().min(1).default('.data'),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    RESEND_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'must start with whsec_').optional(),
    EMAIL_TRANSPORT: z.enum(['resend', 'mailbox']).optional(),
    /** Unset: DEVELOPMENT_EMAIL_FROM, except in production with Resend (see superRefine). */
    EMAIL_FROM: z.string().min(3).optional(),
    EMAIL_MAX_ATTEMPTS: positiveInt(5, 20),
    EMAIL_RETRY_DELAY_SECONDS: positiveInt(5, 3600),
    ADMIN_EMAILS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.email('must be a comma-separated list of email addresses'))),
    DATA_ENCRYPTION_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes in base64')
      .optional(),
    DATA_ENCRYPTION_OLD_KEYS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z
            .string()
            .refine(
              (k) => Buffer.from(k, 'base64').length === 32,
              'must be a comma-separated list of 32-byte keys in base64',
            ),
        ),
      ),
    /** simulated: the embedded test-card processor; stripe: needs the STRIPE_* keys below. */
    PAYMENTS_PROVIDER: z.enum(['simulated', 'stripe']).optional(),
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, 'must be a Stripe secret key (sk_… or rk_…)')
      .optional(),
    STRIPE_PUBLISHABLE_KEY: z
      .string()
      .regex(/^pk_(test|live)_[A-Za-z0-9]+$/, 'must be a Stripe publishable key (pk_…)')
      .optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'must start with whsec_').optional(),
    /** The Connect endpoint's signing secret (payout events); unset: payouts are only polled. */
    STRIPE_CONNECT_WEBHOOK_SECRET: z
      .string()
      .startsWith('whsec_', 'must start with whsec_')
      .optional(),
    /** Another address for Stripe's API (a local stand-in); Stripe's own by default. */
    STRIPE_API_URL: z.url({ protocol: /^https?$/ }).optional(),
    INVITE_TTL_DAYS: positiveInt(30, 365),
    /** Proposals one freelancer may submit in any 24 hours (rolling window, see docs/FIND-WORK.md). */
    PROPOSALS_DAILY_CAP: positiveInt(30, 1_000),
    /** Invitation emails (new, resent, to a changed address) one workspace may send in 24 hours. */
    INVITES_PER_DAY: positiveInt(50, 100_000),
    /** Invitation emails one invite may cause in 24 hours, its first one included. */
    INVITE_SENDS_PER_DAY: positiveInt(5, 1_000),
    SERVICE_FEE_BPS: z.coerce.number().int().min(0).max(5000).default(500),
    /**
     * How many proxies (load balancer, CDN) in front of the app append to X-Forwarded-For;
     * the client address is the entry that many from the header's right end. 0: the address
     * of the connection itself (lib/server/request.ts).
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    WORKER_MODE: z.enum(['inline', 'off']).default('inline'),
    SEED_DEMO: booleanString.optional(),
    /** One stdout line per SQL statement (text only, no parameters), for `npm run bench`. */
    LOG_SQL_QUERIES: booleanString.default(false),
    NEXT_RUNTIME: z.enum(['nodejs', 'edge']).optional(),
    /** Set by `next build` (which runs as production): only to spare it the APP_URL check. */
    NEXT_PHASE: z.string().optional(),
    /** The browser journeys' routes under /api/test: sign anyone in, build records. */
    E2E_TEST_HOOKS: booleanString.default(false),
  })
  .superRefine((env, ctx) => {
    const isProduction = env.NODE_ENV === 'production';
    const problem = (variable: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [variable], message });
    // Links in emails must reach the public origin; a guessed localhost would send people
    // nowhere. `next build` also runs as production and sends no email.
    if (isProduction && !env.APP_URL && env.NEXT_PHASE !== 'phase-production-build') {
      problem(
        'APP_URL',
        'is required in production: the public origin used in every emailed link, e.g. https://app.example.com',
      );
    }
    if (isProduction && !env.AUTH_SECRET) {
      problem('AUTH_SECRET', 'is required in production (32+ random characters)');
    }
    // Without it the first payout or tax save would fail with what was typed lost; the
    // development key file under DATA_DIR is no choice for a server (see lib/crypto).
    if (isProduction && !env.DATA_ENCRYPTION_KEY) {
      problem(
        'DATA_ENCRYPTION_KEY',
        'is required in production (32 random bytes in base64, e.g. `openssl rand -base64 32`)',
      );
    }
    // Without a key, Resend cannot be used: refuse rather than fall back to the mailbox.
    if (!env.RESEND_API_KEY && env.EMAIL_TRANSPORT === 'resend') {
      problem('RESEND_API_KEY', 'is required when EMAIL_TRANSPORT=resend');
    } else if (!env.RESEND_API_KEY && isProduction && env.EMAIL_TRANSPORT !== 'mailbox') {
      problem(
        'RESEND_API_KEY',
        'is required in production (or set EMAIL_TRANSPORT=mailbox for a local test run)',
      );
    }
    // In production every mail goes through Resend unless the mailbox is chosen.
    if (isProduction && env.EMAIL_TRANSPORT !== 'mailbox' && !env.EMAIL_FROM) {
      problem(
        'EMAIL_FROM',
        'is required in production with Resend: a sender on your verified domain, ' +
          'e.g. "Workbridge <no-reply@example.com>"',
      );
    }
    // As with the mailbox: the simulated processor outside development only when chosen.
    const choosesStripe =
      env.PAYMENTS_PROVIDER === 'stripe' ||
      (env.PAYMENTS_PROVIDER === undefined &&
        (env.STRIPE_SECRET_KEY !== undefined || env.STRIPE_WEBHOOK_SECRET !== undefined));
    if (choosesStripe) {
      for (const name of [
        'STRIPE_SECRET_KEY',
        'STRIPE_WEBHOOK_SECRET',
        'STRIPE_PUBLISHABLE_KEY',
      ] as const) {
        if (!env[name])
          problem(name, 'is required for Stripe payments (or set PAYMENTS_PROVIDER=simulated)');
      }
    } else if (isProduction && env.PAYMENTS_PROVIDER !== 'simulated') {
      problem(
        'STRIPE_SECRET_KEY',
        'is required in production, with STRIPE_WEBHOOK_SECRET and STRIPE_PUBLISHABLE_KEY (or set PAYMENTS_PROVIDER=simulated for a local test run)',
      );
    }
    // The hooks sign anyone in: never beside real mail, so never on a real deployment.
    if (env.E2E_TEST_HOOKS && env.EMAIL_TRANSPORT !== 'mailbox') {
      problem(
        'E2E_TEST_HOOKS',
        'signs anyone in without a link: allowed only with EMAIL_TRANSPORT=mailbox (a test run)',
      );
    }
  });

type RawEnv = Omit<z.infer<typeof envSchema>, 'NEXT_PHASE'>;

export type Env = RawEnv & {
  APP_URL: string;
  AUTH_SECRET: string;
  EMAIL_FROM: string;
  EMAIL_TRANSPORT: 'resend' | 'mailbox';
  PAYMENTS_PROVIDER: 'simulated' | 'stripe';
  SEED_DEMO: boolean;
  isProduction: boolean;
  secureCookies: boolean;
};

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

const DEVELOPMENT_AUTH_SECRET = 'development-only-secret-not-for-production-use';
const DEVELOPMENT_EMAIL_FROM = 'Workbridge <no-reply@workbridge.test>';

/** Validates a set of variables; exported for tests. Empty strings count as unset. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'} ${issue.message}`),
    );
  }
  const { NEXT_PHASE: _phase, ...env } = result.data;
  const isProduction = env.NODE_ENV === 'production';
  return {
    ...env,
    APP_URL: env.APP_URL ?? `http://localhost:${env.PORT ?? 3000}`,
    AUTH_SECRET: env.AUTH_SECRET ?? DEVELOPMENT_AUTH_SECRET,
    EMAIL_FROM: env.EMAIL_FROM ?? DEVELOPMENT_EMAIL_FROM,
    EMAIL_TRANSPORT: env.EMAIL_TRANSPORT ?? (env.RESEND_API_KEY ? 'resend' : 'mailbox'),
    PAYMENTS_PROVIDER: env.PAYMENTS_PROVIDER ?? (env.STRIPE_SECRET_KEY ? 'stripe' : 'simulated'),
    SEED_DEMO: env.SEED_DEMO ?? env.NODE_ENV === 'development',
    isProduction,
    secureCookies: isProduction,
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change settings between cases; this forgets the cached copy. */
export function resetEnvCache(): void {
  cached = undefined;
}
