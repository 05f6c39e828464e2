import { defineConfig } from 'drizzle-kit';

// Generation needs no database: drizzle-kit compares the schema with the committed snapshots.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema',
  out: './db/migrations',
});
