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
  await saveBasicInfo(database.db, userId, info);
  const [row] = await database.db
    .select({ phone: freelancerProfiles.phone })
    .from(freelancerProfiles)
    .where(eq(freelancerProfiles.userId, userId));
  expect(row.phone).toBe('+351912345678');
  await expect(
    saveBasicInfo(database.db, userId, { ...info, phone: '912345678' }),
  ).rejects.toThrow();
});
