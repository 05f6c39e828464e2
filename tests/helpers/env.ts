import { resetEnvCache } from '@/lib/env';

/** Runs `fn` with these settings (undefined removes one), then puts the previous ones back. */
export async function withEnv(
  values: Record<string, string | undefined>,
  fn: () => Promise<void>,
): Promise<void> {
  const previous = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  const apply = (settings: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(settings)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvCache();
  };
  apply(values);
  try {
    await fn();
  } finally {
    apply(previous);
  }
}
