import { EnvError, parseEnv } from './env';

const TEST_KEY = Buffer.alloc(32, 7).toString('base64');

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseEnv', () => {
  it('runs with nothing set: embedded database, local mailbox, 5% fee, 30-day invites', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe('.data/pglite');
    expect(env.EMAIL_TRANSPORT).toBe('mailbox');
    expect(env.SERVICE_FEE_BPS).toBe(500);
    expect(env.INVITE_TTL_DAYS).toBe(30);
    expect(env.INVITES_PER_DAY).toBe(50);
    expect(env.APP_URL).toBe('http://localhost:3000');
    expect(env.SEED_DEMO).toBe(true);
    expect(env.LOG_SQL_QUERIES).toBe(false);
  });

  it('turns the SQL query log on only when asked, and names a bad value', () => {
    expect(parseEnv({ LOG_SQL_QUERIES: '1' }).LOG_SQL_QUERIES).toBe(true);
    expect(parseEnv({ LOG_SQL_QUERIES: 'false' }).LOG_SQL_QUERIES).toBe(false);
    expect(problemsOf({ LOG_SQL_QUERIES: 'sometimes' })).toEqual([
      expect.stringMatching(/^LOG_SQL_QUERIES/),
    ]);
  });

  it("keeps PGlite's prepared statements on unless PGLITE_PREPARED_STATEMENTS=false", () => {
    expect(parseEnv({}).PGLITE_PREPARED_STATEMENTS).toBe(true);
    expect(parseEnv({ PGLITE_PREPARED_STATEMENTS: 'false' }).PGLITE_PREPARED_STATEMENTS).toBe(
      false,
    );
    expect(problemsOf({ PGLITE_PREPARED_STATEMENTS: 'maybe' })).toEqual([
      expect.stringMatching(/^PGLITE_PREPARED_STATEMENTS/),
    ]);
  });

  it('keeps 5 connections per process unless told otherwise, and names a bad pool size', () => {
    expect(parseEnv({}).DATABASE_POOL_MAX).toBe(5);
    expect(parseEnv({}).PGLITE_PREPARED_STATEMENTS).toBe(true);
    expect(parseEnv({ PGLITE_PREPARED_STATEMENTS: 'false' }).PGLITE_PREPARED_STATEMENTS).toBe(
      false,
    );
    expect(parseEnv({ DATABASE_POOL_MAX: '12' }).DATABASE_POOL_MAX).toBe(12);
    expect(problemsOf({ DATABASE_POOL_MAX: '0' })).toEqual([
      expect.stringMatching(/^DATABASE_POOL_MAX/),
    ]);
    expect(problemsOf({ DATABASE_POOL_MAX: 'lots' })).toEqual([
      expect.stringMatching(/^DATABASE_POOL_MAX/),
    ]);
  });

  it('names each malformed variable', () => {
    const problems = problemsOf({
      APP_URL: 'not a url',
      DATABASE_URL: 'mysql://x',
      INVITE_TTL_DAYS: 'thirty',
      ADMIN_EMAILS: 'ops@example.com, nope',
      DATA_ENCRYPTION_KEY: 'short',
      STRIPE_CONNECT_WEBHOOK_SECRET: 'connect-secret',
    });
    for (const name of [
      'APP_URL',
      'DATABASE_URL',
      'INVITE_TTL_DAYS',
      'ADMIN_EMAILS',
      'DATA_ENCRYPTION_KEY',
      'STRIPE_CONNECT_WEBHOOK_SECRET',
    ]) {
      expect(problems.some((p) => p.startsWith(name))).toBe(true);
    }
  });

  it('demands a secret, an encryption key, a mail provider and a sender in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual([
      expect.stringMatching(/^APP_URL is required in production/),
      expect.stringMatching(/^AUTH_SECRET is required in production/),
      expect.stringMatching(/^DATA_ENCRYPTION_KEY is required in production/),
      expect.stringMatching(/^RESEND_API_KEY is required in production/),
      expect.stringMatching(/^EMAIL_FROM is required in production with Resend/),
      expect.stringMatching(/^STRIPE_SECRET_KEY is required in production/),
    ]);
  });

  it('refuses EMAIL_TRANSPORT=resend without a key instead of falling back to the mailbox', () => {
    expect(problemsOf({ EMAIL_TRANSPORT: 'resend' })).toEqual([
      'RESEND_API_KEY is required when EMAIL_TRANSPORT=resend',
    ]);
    expect(problemsOf({ NODE_ENV: 'test', EMAIL_TRANSPORT: 'resend' })).toEqual([
      'RESEND_API_KEY is required when EMAIL_TRANSPORT=resend',
    ]);
    expect(parseEnv({ EMAIL_TRANSPORT: 'resend', RESEND_API_KEY: 're_test' }).EMAIL_TRANSPORT).toBe(
      'resend',
    );
  });

  it('refuses to start in production without DATA_ENCRYPTION_KEY, not at the first payout save', () => {
    const production = {
      NODE_ENV: 'production',
      AUTH_SECRET: 'x'.repeat(40),
      APP_URL: 'https://app.workbridge.example',
      PAYMENTS_PROVIDER: 'simulated',
    };
    const mailbox = { ...production, EMAIL_TRANSPORT: 'mailbox' };
    expect(problemsOf(mailbox)).toEqual([
      expect.stringMatching(/^DATA_ENCRYPTION_KEY is required in production/),
    ]);
    expect(problemsOf({ ...mailbox, DATA_ENCRYPTION_KEY: TEST_KEY })).toEqual([]);
    // Development and tests keep the generated key file.
    expect(problemsOf({ EMAIL_TRANSPORT: 'mailbox' })).toEqual([]);
  });

  it('needs an explicit EMAIL_FROM only when production mail goes through Resend', () => {
    const production = {
      NODE_ENV: 'production',
      AUTH_SECRET: 'x'.repeat(40),
      DATA_ENCRYPTION_KEY: TEST_KEY,
      APP_URL: 'https://app.workbridge.example',
      PAYMENTS_PROVIDER: 'simulated',
    };
    expect(problemsOf({ ...production, RESEND_API_KEY: 're_test' })).toEqual([
      expect.stringMatching(/^EMAIL_FROM is required in production with Resend/),
    ]);
    expect(
      problemsOf({ ...production, RESEND_API_KEY: 're_test', EMAIL_TRANSPORT: 'resend' }),
    ).toEqual([expect.stringMatching(/^EMAIL_FROM/)]);
    expect(
      parseEnv({ ...production, RESEND_API_KEY: 're_test', EMAIL_FROM: 'Acme <mail@acme.example>' })
        .EMAIL_FROM,
    ).toBe('Acme <mail@acme.example>');
    // The local mailbox, and development with Resend, keep the placeholder sender.
    expect(parseEnv({ ...production, EMAIL_TRANSPORT: 'mailbox' }).EMAIL_FROM).toBe(
      'Workbridge <no-reply@workbridge.test>',
    );
    expect(parseEnv({ RESEND_API_KEY: 're_test' }).EMAIL_FROM).toBe(
      'Workbridge <no-reply@workbridge.test>',
    );
  });

  it('turns the test hooks on only when asked, and never beside real mail', () => {
    expect(parseEnv({}).E2E_TEST_HOOKS).toBe(false);
    const production = {
      NODE_ENV: 'production',
      AUTH_SECRET: 'x'.repeat(40),
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      APP_URL: 'https://app.workbridge.example',
      PAYMENTS_PROVIDER: 'simulated',
    };
    expect(parseEnv({ ...production, EMAIL_TRANSPORT: 'mailbox' }).E2E_TEST_HOOKS).toBe(false);
    const run = { ...production, E2E_TEST_HOOKS: '1' };
    expect(parseEnv({ ...run, EMAIL_TRANSPORT: 'mailbox' }).E2E_TEST_HOOKS).toBe(true);
    const refused = [expect.stringMatching(/^E2E_TEST_HOOKS .*EMAIL_TRANSPORT=mailbox/)];
    expect(
      problemsOf({ ...run, RESEND_API_KEY: 're_live', EMAIL_FROM: 'Acme <mail@acme.example>' }),
    ).toEqual(refused);
    // Unset, the transport would fall back to the mailbox; the hooks want it said out loud.
    expect(problemsOf({ E2E_TEST_HOOKS: '1' })).toEqual(refused);
  });

  it('links to the port the development server listens on unless APP_URL says otherwise', () => {
    // `next dev -p 3101` sets PORT in the server process before the first request.
    expect(parseEnv({ PORT: '3101' }).APP_URL).toBe('http://localhost:3101');
    expect(parseEnv({ NODE_ENV: 'test', PORT: '4000' }).APP_URL).toBe('http://localhost:4000');
    expect(parseEnv({ PORT: '3101', APP_URL: 'http://127.0.0.1:9000/' }).APP_URL).toBe(
      'http://127.0.0.1:9000',
    );
    expect(problemsOf({ PORT: 'eighty' })).toEqual([expect.stringMatching(/^PORT/)]);
  });

  it('never guesses the public origin in production, except while next build runs', () => {
    const production = {
      NODE_ENV: 'production',
      AUTH_SECRET: 'x'.repeat(40),
      DATA_ENCRYPTION_KEY: TEST_KEY,
      EMAIL_TRANSPORT: 'mailbox',
      PAYMENTS_PROVIDER: 'simulated',
      PORT: '3000',
    };
    expect(problemsOf(production)).toEqual([
      expect.stringMatching(/^APP_URL is required in production/),
    ]);
    expect(problemsOf({ ...production, NEXT_PHASE: 'phase-production-build' })).toEqual([]);
  });

  it('keeps no setting nothing reads', () => {
    expect(parseEnv({ NEXT_PHASE: 'phase-production-build' })).not.toHaveProperty('NEXT_PHASE');
  });

  it('chooses Resend when a key is set and uses secure cookies in production', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      AUTH_SECRET: 'x'.repeat(40),
      DATA_ENCRYPTION_KEY: TEST_KEY,
      RESEND_API_KEY: 're_test',
      EMAIL_FROM: 'Workbridge <no-reply@workbridge.example>',
      APP_URL: 'https://app.workbridge.example/',
      PAYMENTS_PROVIDER: 'simulated',
    });
    expect(env.EMAIL_TRANSPORT).toBe('resend');
    expect(env.secureCookies).toBe(true);
    expect(env.APP_URL).toBe('https://app.workbridge.example');
    expect(env.SEED_DEMO).toBe(false);
  });

  it('trusts no proxy unless TRUSTED_PROXY_HOPS says how many sit in front', () => {
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: '2' }).TRUSTED_PROXY_HOPS).toBe(2);
    for (const bad of ['-1', 'one', '1.5', '11']) {
      expect(problemsOf({ TRUSTED_PROXY_HOPS: bad })).toEqual([
        expect.stringMatching(/^TRUSTED_PROXY_HOPS /),
      ]);
    }
  });

  it('lower-cases the admin list', () => {
    expect(parseEnv({ ADMIN_EMAILS: ' Ops@Example.com ,b@example.com' }).ADMIN_EMAILS).toEqual([
      'ops@example.com',
      'b@example.com',
    ]);
  });
});
