import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EnvError, parseEnv, resetEnvCache } from '@/lib/env';
import {
  decryptSecret,
  encryptSecret,
  EncryptionError,
  keyIdOf,
  lastFour,
  reencryptSecret,
} from './encryption';

const VARIABLES = [
  'NODE_ENV',
  'DATA_DIR',
  'DATA_ENCRYPTION_KEY',
  'DATA_ENCRYPTION_OLD_KEYS',
  'AUTH_SECRET',
  'EMAIL_TRANSPORT',
] as const;
type Variable = (typeof VARIABLES)[number];

const env = process.env as Record<string, string | undefined>;
const saved = Object.fromEntries(VARIABLES.map((name) => [name, env[name]]));
let dataDir: string;

function useEnv(values: Partial<Record<Variable, string>>) {
  for (const name of VARIABLES) {
    if (name === 'NODE_ENV') env[name] = values[name] ?? 'test';
    else if (name === 'DATA_DIR') env[name] = values[name] ?? dataDir;
    else if (values[name] === undefined) delete env[name];
    else env[name] = values[name];
  }
  resetEnvCache();
}

const newKey = () => randomBytes(32).toString('base64');
const expectedKeyId = (base64: string) =>
  createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex').slice(0, 8);
const keyIdIn = (stored: string) => stored.split('.')[1];

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'workbridge-crypto-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});
afterAll(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete env[name];
    else env[name] = saved[name];
  }
  resetEnvCache();
});

describe('encryptSecret and decryptSecret', () => {
  const key = newKey();
  beforeEach(() => useEnv({ DATA_ENCRYPTION_KEY: key }));

  it.each(['000123456789', 'DE89370400440532013000', '123-45-6789', 'ünïcødé ✓', ''])(
    'round-trips %j',
    (plain) => {
      expect(decryptSecret(encryptSecret(plain))).toBe(plain);
    },
  );

  it('writes v1.<keyId>.<iv>.<tag>.<ciphertext> with a 12-byte IV and the key id of sha256(key)', () => {
    const stored = encryptSecret('000123456789');
    const [version, keyId, iv, tag, ciphertext] = stored.split('.');
    expect(version).toBe('v1');
    expect(keyId).toBe(expectedKeyId(key));
    expect(keyIdOf(Buffer.from(key, 'base64'))).toBe(keyId);
    expect(Buffer.from(iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag, 'base64url')).toHaveLength(16);
    expect(Buffer.from(ciphertext, 'base64url')).toHaveLength('000123456789'.length);
    expect(stored).toMatch(/^[A-Za-z0-9_.-]+$/);
  });

  it('uses a fresh IV each time, so the same secret never looks the same twice', () => {
    const first = encryptSecret('000123456789');
    const second = encryptSecret('000123456789');
    expect(first).not.toBe(second);
    expect(first.split('.')[2]).not.toBe(second.split('.')[2]);
  });

  it('keeps the plaintext and its digit runs out of the stored value, encoded or not', () => {
    const plain = '000123456789';
    const stored = encryptSecret(plain);
    expect(stored).not.toContain(plain);
    expect(stored).not.toContain(lastFour(plain));
    const decoded = Buffer.concat(
      stored
        .split('.')
        .slice(2)
        .map((p) => Buffer.from(p, 'base64url')),
    );
    expect(decoded.includes(Buffer.from(plain))).toBe(false);
    expect(decoded.includes(Buffer.from('123456789'))).toBe(false);
  });

  it('refuses a value whose ciphertext, tag, IV or key id was changed', () => {
    const plain = '000123456789';
    const stored = encryptSecret(plain);
    const parts = stored.split('.');
    const flip = (index: number) => {
      const bytes = Buffer.from(parts[index], 'base64url');
      bytes[0] ^= 0x01;
      const copy = [...parts];
      copy[index] = bytes.toString('base64url');
      return copy.join('.');
    };
    for (const tampered of [flip(2), flip(3), flip(4)]) {
      expect(() => decryptSecret(tampered)).toThrow(EncryptionError);
      expect(() => decryptSecret(tampered)).toThrow(/altered or damaged/);
    }
    expect(() => decryptSecret(stored.slice(0, -2))).toThrow(EncryptionError);
  });

  it('refuses values that are not in the stored format, without echoing them', () => {
    for (const bad of [
      '000123456789',
      'v2.abcdef12.a.b.c',
      'v1.zz.a.b.c',
      'v1.abcdef12.a.b',
      'v1.abcdef12.!!.b.c',
    ]) {
      let message = '';
      try {
        decryptSecret(bad);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/not in the encrypted format/);
      expect(message).not.toContain(bad);
    }
  });

  it('names an unknown key id and where to configure it, never the secret', () => {
    const stored = encryptSecret('000123456789');
    useEnv({ DATA_ENCRYPTION_KEY: newKey() });
    let message = '';
    try {
      decryptSecret(stored);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(keyIdIn(stored));
    expect(message).toContain('DATA_ENCRYPTION_OLD_KEYS');
    expect(message).not.toContain('000123456789');
    expect(message).not.toContain('6789');
  });
});

describe('key rotation', () => {
  it('reads values sealed under an old key and re-seals them under the new one', () => {
    const oldKey = newKey();
    const newerKey = newKey();
    useEnv({ DATA_ENCRYPTION_KEY: oldKey });
    const underOld = encryptSecret('DE89370400440532013000');

    useEnv({ DATA_ENCRYPTION_KEY: newerKey, DATA_ENCRYPTION_OLD_KEYS: `${newKey()}, ${oldKey}` });
    expect(decryptSecret(underOld)).toBe('DE89370400440532013000');

    const rotated = reencryptSecret(underOld);
    expect(keyIdIn(rotated)).toBe(expectedKeyId(newerKey));
    expect(decryptSecret(rotated)).toBe('DE89370400440532013000');
    expect(reencryptSecret(rotated)).toBe(rotated);

    // Once the old key is retired, only the re-sealed value is still readable.
    useEnv({ DATA_ENCRYPTION_KEY: newerKey });
    expect(decryptSecret(rotated)).toBe('DE89370400440532013000');
    expect(() => decryptSecret(underOld)).toThrow(EncryptionError);
  });

  it('does not re-seal a damaged value', () => {
    const oldKey = newKey();
    useEnv({ DATA_ENCRYPTION_KEY: oldKey });
    const stored = encryptSecret('123456789');
    useEnv({ DATA_ENCRYPTION_KEY: newKey(), DATA_ENCRYPTION_OLD_KEYS: oldKey });
    expect(() => reencryptSecret(`${stored.slice(0, -3)}AAA`)).toThrow(EncryptionError);
  });

  it('rejects an old key that is not 32 bytes, naming the variable', () => {
    const problems = (() => {
      try {
        parseEnv({ DATA_ENCRYPTION_OLD_KEYS: `${newKey()},c2hvcnQ=` });
      } catch (error) {
        if (error instanceof EnvError) return error.problems;
        throw error;
      }
      return [];
    })();
    expect(problems).toEqual([expect.stringMatching(/^DATA_ENCRYPTION_OLD_KEYS.* 32-byte keys/)]);
    expect(parseEnv({}).DATA_ENCRYPTION_OLD_KEYS).toEqual([]);
  });
});

describe('the key when DATA_ENCRYPTION_KEY is not set', () => {
  it('generates one key in DATA_DIR outside production, readable only by its owner, and reuses it', () => {
    const nested = path.join(dataDir, 'nested');
    useEnv({ DATA_DIR: nested });
    const stored = encryptSecret('123-45-6789');

    const file = path.join(nested, 'encryption.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const key = readFileSync(file, 'utf8');
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    expect(keyIdIn(stored)).toBe(expectedKeyId(key));

    useEnv({ DATA_DIR: nested });
    expect(decryptSecret(stored)).toBe('123-45-6789');
    expect(readFileSync(file, 'utf8')).toBe(key);
  });

  it('prefers DATA_ENCRYPTION_KEY and then writes no key file', () => {
    useEnv({ DATA_ENCRYPTION_KEY: newKey() });
    encryptSecret('x');
    expect(() => statSync(path.join(dataDir, 'encryption.key'))).toThrow();
  });

  it('reports a damaged key file instead of using it', () => {
    writeFileSync(path.join(dataDir, 'encryption.key'), 'c2hvcnQ=');
    useEnv({});
    expect(() => encryptSecret('x')).toThrow(/encryption\.key does not hold a 32-byte key/);
  });

  it('is an error in production', () => {
    useEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), EMAIL_TRANSPORT: 'mailbox' });
    expect(() => encryptSecret('x')).toThrow(/DATA_ENCRYPTION_KEY is required in production/);
    expect(() => statSync(path.join(dataDir, 'encryption.key'))).toThrow();
  });
});

describe('lastFour', () => {
  it.each([
    ['000123456789', '6789'],
    ['DE89 3704 0044 0532 0130 00', '3000'],
    ['123-45-6789', '6789'],
    ['12', '12'],
  ])('shows %j as %j', (plain, shown) => {
    expect(lastFour(plain)).toBe(shown);
  });
});
