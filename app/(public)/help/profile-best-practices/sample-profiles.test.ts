import { SAMPLE_PROFILES } from './sample-profiles';

describe('sample profiles on the best-practices page', () => {
  it('has two samples', () => {
    expect(SAMPLE_PROFILES).toHaveLength(2);
  });

  it.each(SAMPLE_PROFILES.map((p) => [p.name, p] as const))(
    '%s stays within the limits a real profile has',
    (_name, profile) => {
      expect(profile.title.length).toBeLessThanOrEqual(70);
      const overview = profile.overview.join('\n\n');
      expect(overview.length).toBeGreaterThanOrEqual(100);
      expect(overview.length).toBeLessThanOrEqual(5000);
      expect(profile.skills.length).toBeGreaterThanOrEqual(1);
      expect(profile.skills.length).toBeLessThanOrEqual(15);
      expect(profile.hourlyRateCents).toBeGreaterThanOrEqual(300);
      expect(profile.hourlyRateCents).toBeLessThanOrEqual(99_999);
      for (const item of profile.portfolio) {
        expect(new URL(item.url).hostname).toBe('example.com');
      }
    },
  );
});
