import { describe, expect, it } from 'vitest';
import { onlineReportConfigFrom } from '../../../services/online-report/adapters/config.ts';
import { hmacIdentityHasher } from '../../../services/online-report/adapters/identity-hasher.ts';
import { MissingConfigurationError } from '../../../shared/config/env.ts';

const complete = {
  TABLE_ONLINE_REPORT_REPORTS: 'online-report-reports',
  TABLE_PLATFORM_SESSIONS: 'platform-sessions',
  IDENTITY_HMAC_KEY: 'k'.repeat(32),
};

describe('Configuration is read once and fails naming what is missing (STYLE: config fails fast)', () => {
  it('a missing identity key stops the process, naming the variable', () => {
    const { IDENTITY_HMAC_KEY: _key, ...rest } = complete;
    expect(() => onlineReportConfigFrom(rest)).toThrow(new MissingConfigurationError(['IDENTITY_HMAC_KEY']));
  });

  it('a complete environment gives the tables and the key', () => {
    expect(onlineReportConfigFrom(complete).reportsTable).toBe('online-report-reports');
  });
});

describe('Identity keys are keyed HMACs (ARCHITECTURE "Data")', () => {
  const material = { role: 'victim', kind: 'name-dob', value: 'sam sample|1990-11-04' } as const;

  it('the same person gives the same key', () => {
    const hasher = hmacIdentityHasher('k'.repeat(32));
    expect(hasher.keyOf(material)).toBe(hasher.keyOf({ ...material }));
  });

  it('another key gives another value, so the index cannot be recomputed without the key', () => {
    expect(hmacIdentityHasher('k'.repeat(32)).keyOf(material)).not.toBe(
      hmacIdentityHasher('j'.repeat(32)).keyOf(material),
    );
  });

  it('the key holds nothing of the name or date of birth', () => {
    const key = hmacIdentityHasher('k'.repeat(32)).keyOf(material);
    expect([key.includes('sam'), key.includes('1990')]).toEqual([false, false]);
  });
});
