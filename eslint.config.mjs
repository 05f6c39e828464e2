import { readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * The lib/ domains from the bottom up: a module may import only the domains listed before
 * its own, never one after it, so the domains cannot form a cycle. The generic
 * infrastructure (jobs, email) sits below every business domain and knows none of them: a
 * domain hands its job handlers and its "a message failed" hooks to it (lib/server/jobs.ts).
 * A new domain goes where its imports allow; when an import points upwards, move the shared
 * piece down (or register a handler) rather than reordering this list around it.
 */
const LIB_LAYERS = [
  'env.ts',
  'clock',
  'text',
  'dates',
  'money',
  'geo',
  'forms.ts',
  'forms-data.ts',
  'form-drafts',
  'checklist.ts',
  'security',
  'crypto',
  'files',
  'audit',
  'ledger',
  'jobs',
  'email',
  'payments',
  'accounts',
  'payouts',
  'billing',
  'profile',
  'tax',
  'compliance',
  'settings',
  'onboarding',
  'auth',
  'invites',
  'contracts',
  'invoices',
  'earnings',
  'hourly',
  'milestones',
  'contract-ending',
  'withdrawals',
  'reports',
  'job-posts',
  'job-search',
  'proposals',
  'messages',
  'find-work',
  'tick',
  'server',
  'actions',
  'test-hooks',
];

const ROOT = fileURLToPath(new URL('.', import.meta.url));

// A lib/ folder or file missing from the list would be bound by no layer rule.
const unplaced = readdirSync(new URL('./lib', import.meta.url)).filter(
  (name) => !/\.test\.tsx?$/.test(name) && !LIB_LAYERS.includes(name),
);
if (unplaced.length > 0) {
  throw new Error(`eslint.config.mjs: place lib/${unplaced.join(', lib/')} in LIB_LAYERS.`);
}

const libPath = (entry) => `./lib/${entry}`;

const LAYER_ZONES = LIB_LAYERS.slice(0, -1).map((entry, index) => ({
  target: libPath(entry),
  from: LIB_LAYERS.slice(index + 1).map(libPath),
  message: `lib/${entry} imports only the domains before it in LIB_LAYERS (eslint.config.mjs), and this one comes after it: move the shared piece down, or let the upper domain register a handler with lib/${entry}.`,
}));

const DIRECTION_ZONES = [
  {
    target: './lib',
    from: ['./app', './components'],
    message: 'lib/ is domain code: it knows no route and no UI.',
  },
  {
    target: './db',
    from: './lib',
    except: ['./env.ts'],
    message: 'db/ is the data layer: it imports no lib/ domain (only the validated environment).',
  },
  {
    target: './db',
    from: ['./app', './components', './emails'],
    message: 'db/ is the data layer: it knows no route and no UI.',
  },
  {
    target: ['./components', './emails'],
    from: './app',
    message: 'Shared UI knows no route: pass what it needs (data, actions) in as props.',
  },
];

/**
 * What UI code (components/, emails/ and every 'use client' module) may not import as a
 * value: the database, the modules that run queries (queries.ts, service.ts and the
 * infrastructure folders) and server-only configuration. The page or layout loads the data
 * and passes it in as props. Type-only imports are fine: they are erased.
 */
const SERVER_ONLY = [
  /^@\/db(\/|$)/,
  /^@\/lib\/env$/,
  /^@\/lib\/(server|jobs|email|auth|crypto|audit)(\/|$)/,
  /^@\/lib\/.+\/(queries|service)$/,
  /^(drizzle-orm|postgres|pg-boss|@electric-sql\/pglite)(\/|$)/,
];

const isTypeOnly = (node) =>
  node.importKind === 'type' ||
  (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));

const uiImports = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      serverOnly:
        "UI code does not reach the database: '{{source}}' runs queries or reads server configuration. Load the data in the page (or a lib service it calls) and pass it in as props.",
    },
  },
  create(context) {
    const file = relative(ROOT, context.filename).replaceAll('\\', '/');
    let isUi = /^(components|emails)\//.test(file);
    return {
      Program(program) {
        isUi ||= program.body.some(
          (n) => n.type === 'ExpressionStatement' && n.directive === 'use client',
        );
      },
      ImportDeclaration(node) {
        const source = node.source.value;
        if (!isUi || isTypeOnly(node) || !SERVER_ONLY.some((re) => re.test(source))) return;
        context.report({ node, messageId: 'serverOnly', data: { source } });
      },
    };
  },
};

const LEDGER_TABLES_MESSAGE =
  'The ledger tables belong to lib/ledger: post money with postTransaction (lib/ledger/post.ts) and read it through lib/ledger.';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      '.data/**',
      'node_modules/**',
      'db/migrations/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tests sit on top of everything (nothing imports them), so they may reach any layer.
    files: ['app/**', 'components/**', 'db/**', 'emails/**', 'lib/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    settings: {
      // no-cycle follows imports into every file it reaches: never into packages.
      'import/ignore': ['node_modules'],
    },
    plugins: { workbridge: { rules: { 'ui-imports': uiImports } } },
    rules: {
      'workbridge/ui-imports': 'error',
      'import/no-restricted-paths': [
        'error',
        {
          basePath: ROOT,
          zones: [...DIRECTION_ZONES, ...LAYER_ZONES],
        },
      ],
      // Within and across folders; node_modules are not followed, which keeps lint quick.
      'import/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Only lib/ledger/post.ts writes the ledger (and lib/ledger reads it): every other
    // module moves money through postTransaction and reads balances from lib/ledger.
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    // Tests sit above every layer and may read the tables (or import the whole schema).
    ignores: ['lib/ledger/**', 'db/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@/db/schema',
              importNames: [
                'ledgerAccounts',
                'ledgerTransactions',
                'ledgerEntries',
                'ledgerBalances',
              ],
              message: LEDGER_TABLES_MESSAGE,
            },
          ],
          patterns: [
            { group: ['@/db/schema/ledger', '**/schema/ledger'], message: LEDGER_TABLES_MESSAGE },
          ],
        },
      ],
    },
  },
  {
    // Money rules read the time from lib/clock (SPEC 4: every rule is a function of a clock).
    files: [
      'lib/ledger/**',
      'lib/billing/**',
      'lib/payments/**',
      'lib/tick/**',
      'lib/hourly/**',
      'lib/milestones/**',
      'lib/invoices/**',
      'lib/earnings/**',
      'lib/withdrawals/**',
    ],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Read the time with now() from @/lib/clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read the time with now() from @/lib/clock.',
        },
      ],
    },
  },
];
export default config;
