import nextJest from 'next/jest.js';

const createJestConfig = nextJest({ dir: './' });

/**
 * Three lanes, one set-up (the migrated template database is built once per run):
 * - fast: units, services, actions and routes (`npm test`);
 * - fuzz: tests/fuzz and every `*.fuzz.test.ts` (`npm run test:fuzz`);
 * - faults: tests/faults and every `*.faults.test.ts`: child processes, signals, database
 *   restarts, dropped connections, real job timers, whatever depends on how fast the machine
 *   is (`npm run test:faults`).
 * A file's path or name puts it in its lane; the fast lane takes every other test file.
 */
const LANES = {
  fuzz: ['**/tests/fuzz/**/*.test.ts', '**/*.fuzz.test.ts'],
  faults: ['**/tests/faults/**/*.test.ts', '**/*.faults.test.ts'],
};
/** The same two lanes as ignore patterns (regular expressions), for the fast lane. */
const NOT_FAST = [
  '<rootDir>/tests/fuzz/',
  '\\.fuzz\\.test\\.tsx?$',
  '<rootDir>/tests/faults/',
  '\\.faults\\.test\\.tsx?$',
];

/** Services and actions run against a real database: PGlite, or TEST_DATABASE_URL. */
const base = createJestConfig({
  testEnvironment: 'node',
  // lib/clock keeps its state on globalThis (a Next build may load the module twice); jest
  // must not swap what a test file left there for a proxy that a late timer then trips on.
  testEnvironmentOptions: { globalsCleanup: 'off' },
  roots: ['<rootDir>/lib', '<rootDir>/tests', '<rootDir>/app', '<rootDir>/db', '<rootDir>/emails'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/e2e/', '<rootDir>/.next/'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' },
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
});

// Auth.js ships ES modules only; let SWC compile it (and its own ESM dependencies).
const ESM_PACKAGES = [
  '@auth',
  'next-auth',
  'oauth4webapi',
  'jose',
  '@panva',
  'preact',
  'preact-render-to-string',
];

export default async function jestConfig() {
  const resolved = await base();
  resolved.transformIgnorePatterns = [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`];
  return {
    globalSetup: '<rootDir>/tests/setup/global-setup.mjs',
    globalTeardown: '<rootDir>/tests/setup/global-teardown.mjs',
    maxWorkers: 2,
    // A worker keeps every test file's module graph (vm contexts leak): after a hundred files
    // each one ran 5-6 times slower than alone (the matrix files 16-26 s instead of 3 s), and
    // the fast lane took 11.5 min on a quiet machine. Restarting a worker once its heap passes
    // this limit (about every 3-5 files) brought it to 5 min. Not used by the faults lane,
    // which runs in band (one worker).
    workerIdleMemoryLimit: '300MB',
    // Generous on purpose: on a busy 2-core machine a file's set-up (compiling every action
    // for the matrix, building its world) took over 30 s. A test that is slow stays visible
    // in the per-file times; a test that waits for something says how long itself.
    testTimeout: 120_000,
    projects: [
      {
        ...resolved,
        displayName: 'fast',
        testPathIgnorePatterns: [...resolved.testPathIgnorePatterns, ...NOT_FAST],
      },
      { ...resolved, displayName: 'fuzz', testMatch: LANES.fuzz },
      { ...resolved, displayName: 'faults', testMatch: LANES.faults },
    ],
  };
}
