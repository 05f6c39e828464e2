import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getEnv, type Env } from '@/lib/env';

/**
 * AES-256-GCM for account numbers, IBANs and tax ids. A stored value names the key that
 * sealed it, so old keys listed in DATA_ENCRYPTION_OLD_KEYS keep decrypting after a
 * rotation while every new value is written under DATA_ENCRYPTION_KEY.
 *
 * Stored format: v1.<keyId>.<iv>.<tag>.<ciphertext>, parts in base64url.
 */
const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const DEV_KEY_FILE = 'encryption.key';

type Keyring = { current: { id: string; key: Buffer }; byId: Map<string, Buffer> };

export class EncryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncryptionError';
  }
}

/** First 8 hex characters of sha256(key): names a key without revealing it. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function decodeKey(base64: string, source: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new EncryptionError(`${source} does not hold a 32-byte key in base64.`);
  }
  return key;
}

/**
 * Local development only: one key, generated on first use and kept beside the embedded
 * database so restarts can still read what was written before. `wx` makes a second
 * process that races the first reuse the winner's key instead of overwriting it.
 */
function loadOrCreateDevelopmentKey(dataDir: string): Buffer {
  const file = path.join(dataDir, DEV_KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return decodeKey(readFileSync(file, 'utf8'), file);
}

function buildKeyring(env: Env): Keyring {
  let currentKey: Buffer;
  if (env.DATA_ENCRYPTION_KEY) {
    currentKey = decodeKey(env.DATA_ENCRYPTION_KEY, 'DATA_ENCRYPTION_KEY');
  } else if (env.isProduction) {
    throw new EncryptionError(
      'DATA_ENCRYPTION_KEY is required in production (32 random bytes in base64, for example from `openssl rand -base64 32`).',
    );
  } else {
    currentKey = loadOrCreateDevelopmentKey(env.DATA_DIR);
  }
  const current = { id: keyIdOf(currentKey), key: currentKey };
  const byId = new Map<string, Buffer>();
  for (const old of env.DATA_ENCRYPTION_OLD_KEYS) {
    const key = decodeKey(old, 'DATA_ENCRYPTION_OLD_KEYS');
    byId.set(keyIdOf(key), key);
  }
  byId.set(current.id, current.key);
  return { current, byId };
}

// Keyed by the env object, so resetEnvCache() (a new env) also means a fresh keyring.
const keyrings = new WeakMap<Env, Keyring>();

function keyring(): Keyring {
  const env = getEnv();
  let ring = keyrings.get(env);
  if (!ring) {
    ring = buildKeyring(env);
    keyrings.set(env, ring);
  }
  return ring;
}

function header(keyId: string): string {
  return `${VERSION}.${keyId}`;
}

export function encryptSecret(plain: string): string {
  const { current } = keyring();
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, current.key, iv);
  // The header is authenticated too: moving a value to another key id is tampering.
  cipher.setAAD(Buffer.from(header(current.id)));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [header(current.id), iv, tag, ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

type SealedParts = { keyId: string; iv: Buffer; tag: Buffer; ciphertext: Buffer };

function splitStored(stored: string): SealedParts {
  const parts = stored.split('.');
  const base64url = /^[A-Za-z0-9_-]*$/;
  if (
    parts.length !== 5 ||
    parts[0] !== VERSION ||
    !/^[0-9a-f]{8}$/.test(parts[1]) ||
    !parts.slice(2).every((p) => base64url.test(p))
  ) {
    throw new EncryptionError(
      'This stored value is not in the encrypted format Workbridge writes.',
    );
  }
  const [, keyId, iv, tag, ciphertext] = parts;
  const sealed = {
    keyId,
    iv: Buffer.from(iv, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
  };
  if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) {
    throw new EncryptionError(
      'This stored value is not in the encrypted format Workbridge writes.',
    );
  }
  return sealed;
}

export function decryptSecret(stored: string): string {
  const { keyId, iv, tag, ciphertext } = splitStored(stored);
  const key = keyring().byId.get(keyId);
  if (!key) {
    throw new EncryptionError(
      `This value was encrypted with key ${keyId}, which is not configured; add that key to DATA_ENCRYPTION_OLD_KEYS.`,
    );
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv);
    decipher.setAAD(Buffer.from(header(keyId)));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // Node's own message says nothing useful; ours must not carry any of the data either.
    throw new EncryptionError(
      `This value could not be decrypted with key ${keyId}: it was altered or damaged.`,
    );
  }
}

/** How every value sealed under the current key begins (`v1.<keyId>.`): no secret in it. */
export function currentKeyPrefix(): string {
  return `${header(keyring().current.id)}.`;
}

/** The same secret sealed under the current key; a value already under it is returned as is. */
export function reencryptSecret(stored: string): string {
  const plain = decryptSecret(stored);
  return splitStored(stored).keyId === keyring().current.id ? stored : encryptSecret(plain);
}

/** What a person is shown: the last four letters or digits, separators ignored. */
export function lastFour(plain: string): string {
  return plain.replace(/[\s-]/g, '').slice(-4);
}
