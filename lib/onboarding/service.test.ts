import { eq } from 'drizzle-orm';
import { freelancerProfiles } from '@/db/schema';
import { createTestDatabase } from '@/tests/helpers/db';
import { createFreelancer } from '@/tests/helpers/settings-fixtures';
import { basicInfoSchema } from './schemas';
import { saveBasicInfo } from './service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

// Found by the action fuzzing: the check constraint's pattern was invalid (migration 0008).
it('stores a phone number as E.164, and the database refuses one that is not', async () => {
  const { userId } = await createFreelancer(database.db);
  const info = basicInfoSchema.parse({
    firstName: 'Zoë',
    lastName: "O'Brien",
    country: 'pt',
    timeZone: 'Europe/Lisbon',
    phone: '+351 912 345 678',
    acceptTerms: 'on',
  });
  await saveBasicInfo(database.db, { userId, ip: null }, info);
  const [row] = await database.db
    .select({ phone: freelancerProfiles.phone })
    .from(freelancerProfiles)
    .where(eq(freelancerProfiles.userId, userId));
  expect(row.phone).toBe('+351912345678');
  await expect(
    saveBasicInfo(database.db, { userId, ip: null }, { ...info, phone: '912345678' }),
  ).rejects.toThrow();
});

it('stamps the terms acceptance with its time and the address it came from, a real one only', async () => {
  const { userId } = await createFreelancer(database.db);
  const info = basicInfoSchema.parse({
    firstName: 'Alex',
    lastName: 'Kim',
    country: 'US',
    timeZone: 'America/Chicago',
    acceptTerms: 'on',
  });
  const acceptance = async () => {
    const [row] = await database.db
      .select({ at: freelancerProfiles.termsAcceptedAt, ip: freelancerProfiles.termsAcceptedIp })
      .from(freelancerProfiles)
      .where(eq(freelancerProfiles.userId, userId));
    return row;
  };
  const before = Date.now();
  await saveBasicInfo(database.db, { userId, ip: '2001:db8::7' }, info);
  const first = await acceptance();
  expect(first.ip).toBe('2001:db8::7');
  expect(first.at!.getTime()).toBeGreaterThanOrEqual(before);
  // Accepted again from an address the request did not reveal: no address, not the old one.
  await saveBasicInfo(database.db, { userId, ip: 'unknown' }, info);
  expect((await acceptance()).ip).toBeNull();
});
