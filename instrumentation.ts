export async function register() {
  // Only the Node.js server boots the database and the job worker.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { boot } = await import('@/lib/server/boot');
  await boot();
}
