// The Drizzle schema, one file per domain; drizzle-kit reads this folder.
export * from './accounts';
export * from './platform';
export * from './invites';
export * from './settings';
export * from './compliance';
export * from './billing';
export * from './ledger';
export * from './work';
export * from './withdrawals';
export * from './find-work';
