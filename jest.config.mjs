import nextJest from 'next/jest.js';

const createJestConfig = nextJest({ dir: './' });

/** Services and actions run against a real database: PGlite, or TEST_DATABASE_URL. */
const config = createJestConfig({
  testEnvironment: 'node',
  roots: ['<rootDir>/lib', '<rootDir>/tests', '<rootDir>/app', '<rootDir>/db', '<rootDir>/emails'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/e2e/', '<rootDir>/.next/'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' },
  globalSetup: '<rootDir>/tests/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.mjs',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  maxWorkers: 2,
  testTimeout: 30_000,
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
  const resolved = await config();
  resolved.transformIgnorePatterns = [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`];
  return resolved;
}
