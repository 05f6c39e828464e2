import { boot, readEnvOrExit } from '@/lib/server/boot';

const env = readEnvOrExit();
if (!env.DATABASE_URL) {
  console.error(
    'npm run worker runs the job worker as its own process and needs DATABASE_URL: the ' +
      'embedded PGlite database belongs to one process, where `npm run dev` and `npm start` ' +
      'already run the worker inline.',
  );
  process.exit(1);
}
await boot({ work: true });
console.log('[worker] delivering email and running scheduled jobs; SIGTERM stops it cleanly.');
