import { execFileSync } from 'node:child_process';

/**
 * The layer rules of eslint.config.mjs bite: each probe is written as a file of its own at
 * `filePath`, linted, and removed again; it must draw exactly the error expected. (ESLint's
 * lintText would not do: import/no-cycle reads the graph from disk.) That the real tree is
 * clean is `npm run lint`.
 */
type Probe = { name: string; filePath: string; code: string; expected: string | null };

const LAYER_RULES = [
  'import/no-cycle',
  'import/no-restricted-paths',
  'workbridge/ui-imports',
  'no-restricted-imports',
  'no-restricted-syntax',
];

const PROBES: Probe[] = [
  {
    name: 'a planted cycle, one side',
    filePath: 'lib/invites/lint-probe-cycle-a.ts',
    code: "import { b } from './lint-probe-cycle-b';\nexport const a = () => b;\n",
    expected: 'import/no-cycle',
  },
  {
    name: 'a planted cycle, the other side',
    filePath: 'lib/invites/lint-probe-cycle-b.ts',
    code: "import { a } from './lint-probe-cycle-a';\nexport const b = () => a;\n",
    expected: 'import/no-cycle',
  },
  {
    name: 'a domain importing one above it (invites → contracts, while contracts → invites)',
    filePath: 'lib/invites/lint-probe-1.ts',
    code: "import { acceptContract } from '@/lib/contracts/service';\nexport const probe = acceptContract;\n",
    expected: 'import/no-restricted-paths',
  },
  {
    name: 'lib/jobs knowing a domain',
    filePath: 'lib/jobs/lint-probe-2.ts',
    code: "import { sendDueReminders } from '@/lib/invites/reminders';\nexport const probe = sendDueReminders;\n",
    expected: 'import/no-restricted-paths',
  },
  {
    name: 'lib/email knowing a domain',
    filePath: 'lib/email/lint-probe-3.ts',
    code: "import { recordDeliveryFailure } from '@/lib/invites/delivery';\nexport const probe = recordDeliveryFailure;\n",
    expected: 'import/no-restricted-paths',
  },
  {
    name: 'a component importing @/db',
    filePath: 'components/lint-probe-4.tsx',
    code: "import { getDatabase } from '@/db';\nexport const probe = getDatabase;\n",
    expected: 'workbridge/ui-imports',
  },
  {
    name: 'a component importing a query module',
    filePath: 'components/lint-probe-5.tsx',
    code: "import { listInviteEvents } from '@/lib/invites/queries';\nexport const probe = listInviteEvents;\n",
    expected: 'workbridge/ui-imports',
  },
  {
    name: "a 'use client' module in app/ importing a service",
    filePath: 'app/(app)/lint-probe-6.tsx',
    code: "'use client';\nimport { loadTerms } from '@/lib/invites/service';\nexport const probe = loadTerms;\n",
    expected: 'workbridge/ui-imports',
  },
  {
    name: 'a component importing a route',
    filePath: 'components/lint-probe-7.tsx',
    code: "import { signOutAction } from '@/app/(app)/actions';\nexport const probe = signOutAction;\n",
    expected: 'import/no-restricted-paths',
  },
  {
    name: 'lib/ importing UI',
    filePath: 'lib/invites/lint-probe-8.ts',
    code: "import { SubmitButton } from '@/components/submit-button';\nexport const probe = SubmitButton;\n",
    expected: 'import/no-restricted-paths',
  },
  {
    name: 'db/ importing a domain',
    filePath: 'db/lint-probe-9.ts',
    code: "import { hashToken } from '@/lib/security/tokens';\nexport const probe = hashToken;\n",
    expected: 'import/no-restricted-paths',
  },
  {
    name: 'allowed: a domain importing one below it (contracts → invites)',
    filePath: 'lib/contracts/lint-probe-10.ts',
    code: "import { loadTerms } from '@/lib/invites/service';\nexport const probe = loadTerms;\n",
    expected: null,
  },
  {
    name: 'allowed: a component importing a type from the data layer',
    filePath: 'components/lint-probe-11.tsx',
    code: "import type { Db } from '@/db/client';\nexport type Probe = Db;\n",
    expected: null,
  },
  {
    name: 'allowed: a server page (no directive) calling a service',
    filePath: 'app/(app)/lint-probe-12.tsx',
    code: "import { loadTerms } from '@/lib/invites/service';\nexport const probe = loadTerms;\n",
    expected: null,
  },
  {
    name: 'a domain outside lib/ledger importing a ledger table',
    filePath: 'lib/invites/lint-probe-ledger-table.ts',
    code: "import { ledgerEntries } from '@/db/schema';\nexport const probe = ledgerEntries;\n",
    expected: 'no-restricted-imports',
  },
  {
    name: 'a money rule reading the time without lib/clock',
    filePath: 'lib/ledger/lint-probe-clock.ts',
    code: 'export const probe = () => new Date();\n',
    expected: 'no-restricted-syntax',
  },
  {
    name: 'an hourly or milestone rule reading the time without lib/clock',
    filePath: 'lib/hourly/lint-probe-clock.ts',
    code: 'export const probe = () => Date.now();\n',
    expected: 'no-restricted-syntax',
  },
];

/**
 * One ESLint run over every probe, in a child process: the flat config is ESM and loads the
 * Next.js plugins. The probes are removed again whatever happens.
 */
function lintProbes(probes: Probe[]): string[][] {
  const script = `
    import { rmSync, readFileSync, writeFileSync } from 'node:fs';
    import { ESLint } from 'eslint';
    const probes = JSON.parse(readFileSync(0, 'utf8'));
    try {
      for (const probe of probes) writeFileSync(probe.filePath, probe.code, { flag: 'wx' });
      const results = await new ESLint().lintFiles(probes.map((probe) => probe.filePath));
      const byPath = new Map(results.map((r) => [r.filePath, r.messages]));
      const found = probes.map((probe) =>
        byPath.get(process.cwd() + '/' + probe.filePath).map((m) => m.ruleId ?? 'fatal: ' + m.message),
      );
      process.stdout.write(JSON.stringify(found));
    } finally {
      for (const probe of probes) rmSync(probe.filePath, { force: true });
    }`;
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: process.cwd(),
    input: JSON.stringify(probes),
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return JSON.parse(stdout) as string[][];
}

let results: string[][];
beforeAll(() => {
  results = lintProbes(PROBES);
}, 120_000);

it.each(PROBES.map((probe, index) => ({ ...probe, index })))('$name', ({ index, expected }) => {
  const layerErrors = results[index].filter(
    (rule) => LAYER_RULES.includes(rule) || rule.startsWith('fatal'),
  );
  expect(layerErrors).toEqual(expected ? [expected] : []);
});
