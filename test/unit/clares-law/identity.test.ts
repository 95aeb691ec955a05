import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type IdentityHasher,
  identityKeysOf,
  normaliseName,
  patternFlagsOf,
} from '../../../services/clares-law/domain/identity.ts';
import { onlineCase } from './fixtures.ts';

const hasher: IdentityHasher = {
  hash: (material) => createHmac('sha256', 'test-key').update(material).digest('hex'),
};

describe('Identity matching across applications (APP DVDS "multiple disclosure requests"; keyed HMAC, never plain values)', () => {
  it('folds case, spacing, punctuation and Latin accents but keeps other scripts as they are', () => {
    // Arrange
    const names = ["  José  O'Neil ", 'JOSE ONEIL', 'محمد علي', 'МАРИЯ'];

    // Act
    const normalised = names.map(normaliseName);

    // Assert
    expect(normalised).toEqual(['jose oneil', 'jose oneil', 'محمد علي', 'мария']);
  });

  it('holds only keyed hashes, never the name or date of birth', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-03-09T09:00:00Z');

    // Act
    const keys = identityKeysOf(dvdsCase, hasher);

    // Assert
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.map((key) => key.key).join(' ')).not.toMatch(/sam|1985|alex/i);
    expect(keys.every((key) => /^[0-9a-f]{64}$/.test(key.key))).toBe(true);
  });

  it('flags an earlier application about the same subject (name and date of birth) and an applicant who applied before', () => {
    // Arrange
    const earlier = { ...onlineCase('2026-01-09T09:00:00Z'), id: 'DVDS-OLD0-0001' };
    const current = onlineCase('2026-03-09T09:00:00Z');
    const earlierKeys = identityKeysOf(earlier, hasher);
    const currentKeys = identityKeysOf(current, hasher);
    const matches = earlierKeys
      .filter((key) => currentKeys.some((candidate) => candidate.key === key.key))
      .map((key) => ({ key: key.key, caseId: earlier.id, role: key.role }));

    // Act
    const flags = patternFlagsOf(current.id, currentKeys, matches);

    // Assert
    expect(flags).toEqual(
      expect.arrayContaining([
        {
          role: 'subject',
          earlierRole: 'subject',
          strength: 'name-and-date-of-birth',
          caseIds: ['DVDS-OLD0-0001'],
        },
        {
          role: 'applicant',
          earlierRole: 'applicant',
          strength: 'name-and-date-of-birth',
          caseIds: ['DVDS-OLD0-0001'],
        },
      ]),
    );
    expect(flags.some((flag) => flag.strength === 'name-only')).toBe(false);
  });

  it('a subject known only by name gives a name-only flag, shown as weaker', () => {
    // Arrange
    const earlier = { ...onlineCase('2026-01-09T09:00:00Z'), id: 'DVDS-OLD0-0002' };
    const current = onlineCase('2026-03-09T09:00:00Z', {
      subject: {
        fullName: 'SAM  SUBJECT',
        aliases: [],
        approximateAge: 40,
        relationshipToPersonAtRisk: 'partner',
      },
      applicant: { fullName: 'Someone Else', otherNames: [], dateOfBirth: '1970-01-01', address: 'x' },
    });
    const earlierKeys = identityKeysOf(earlier, hasher);
    const currentKeys = identityKeysOf(current, hasher);
    const matches = earlierKeys
      .filter((key) => currentKeys.some((candidate) => candidate.key === key.key))
      .map((key) => ({ key: key.key, caseId: earlier.id, role: key.role }));

    // Act
    const flags = patternFlagsOf(current.id, currentKeys, matches);

    // Assert
    expect(flags).toEqual([
      { role: 'subject', earlierRole: 'subject', strength: 'name-only', caseIds: ['DVDS-OLD0-0002'] },
    ]);
  });
});
