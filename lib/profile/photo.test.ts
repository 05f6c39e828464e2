import { eq } from 'drizzle-orm';
import { profiles, storedFiles } from '@/db/schema';
import { createTestDatabase } from '@/tests/helpers/db';
import { solidPng } from '@/tests/helpers/png';
import { createFreelancer, installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import { removeProfilePhoto, uploadProfilePhoto } from './service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;

installTestEncryptionKey();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const MB = 1024 * 1024;
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 1)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 0x90)]);
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
);

async function filesOf(userId: string) {
  return database.db.select().from(storedFiles).where(eq(storedFiles.ownerId, userId));
}

async function photoIdOf(userId: string) {
  const [row] = await database.db
    .select({ id: profiles.photoFileId })
    .from(profiles)
    .where(eq(profiles.userId, userId));
  return row?.id ?? null;
}

describe('uploadProfilePhoto', () => {
  it('stores a real PNG privately with its sniffed type, and a replacement drops the old file', async () => {
    const who = await createFreelancer(database.db);
    const png = solidPng();
    expect(
      await uploadProfilePhoto(database.db, who.userId, { bytes: png, fileName: 'me.png' }),
    ).toEqual({ ok: true });
    const [file] = await filesOf(who.userId);
    expect(file).toMatchObject({
      purpose: 'profile-photo',
      mimeType: 'image/png',
      fileName: 'me.png',
      sizeBytes: png.length,
    });
    expect(Buffer.compare(file.data, png)).toBe(0);
    expect(await photoIdOf(who.userId)).toBe(file.id);

    // A JPEG named .png is a JPEG: the name follows the content.
    expect(
      await uploadProfilePhoto(database.db, who.userId, { bytes: JPEG, fileName: 'holiday.png' }),
    ).toEqual({ ok: true });
    const files = await filesOf(who.userId);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ mimeType: 'image/jpeg', fileName: 'holiday.png.jpg' });
    expect(await photoIdOf(who.userId)).toBe(files[0].id);

    await removeProfilePhoto(database.db, who.userId);
    expect(await filesOf(who.userId)).toEqual([]);
    expect(await photoIdOf(who.userId)).toBeNull();
  });

  it.each([
    ['an .exe renamed .png', EXE, 'photo.png', 'type'],
    ['an SVG with script', SVG, 'photo.svg', 'type'],
    ['an SVG with script renamed .png', SVG, 'photo.png', 'type'],
    ['a 20 MB image', Buffer.concat([solidPng(), Buffer.alloc(20 * MB)]), 'big.png', 'size'],
    ['a file just over 5 MB', Buffer.concat([solidPng(), Buffer.alloc(5 * MB)]), 'big.png', 'size'],
    ['a ../ file name', solidPng(), '../../etc/passwd.png', 'name'],
    ['a Windows path', solidPng(), '..\\..\\photo.png', 'name'],
    ['a dot-dot name', solidPng(), '..', 'name'],
    ['an empty file', Buffer.alloc(0), 'empty.png', 'empty'],
  ])('refuses %s and stores nothing', async (_case, bytes, fileName, problem) => {
    const who = await createFreelancer(database.db);
    const result = await uploadProfilePhoto(database.db, who.userId, { bytes, fileName });
    expect(result).toEqual({ ok: false, problem, message: expect.any(String) });
    expect(await filesOf(who.userId)).toEqual([]);
    expect(await photoIdOf(who.userId)).toBeNull();
  });

  it('accepts a photo of exactly 5 MB', async () => {
    const who = await createFreelancer(database.db);
    const png = solidPng();
    const bytes = Buffer.concat([png, Buffer.alloc(5 * MB - png.length)]);
    expect(
      await uploadProfilePhoto(database.db, who.userId, { bytes, fileName: 'five.png' }),
    ).toEqual({ ok: true });
  });
});
