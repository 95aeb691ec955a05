import { describe, expect, it } from 'vitest';
import { caseReference, isCaseReference } from '../../../services/clares-law/domain/reference.ts';

describe('Case references', () => {
  it('are DVDS- and two groups of four Crockford base-32 characters from 40 random bits', () => {
    // Arrange
    const random = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff]);

    // Act
    const reference = caseReference(random);

    // Assert
    expect(reference).toBe('DVDS-ZZZZ-ZZZZ');
    expect(isCaseReference(reference)).toBe(true);
  });

  it('use no letters that are misheard over the phone (I, L, O, U)', () => {
    // Arrange
    const references = Array.from({ length: 200 }, (_, i) =>
      caseReference(Uint8Array.from([i, i * 3, i * 7, i * 11, i * 13])),
    );

    // Act
    const misheard = references.filter((reference) => /[ILOU]/.test(reference.slice(5)));

    // Assert
    expect(misheard).toEqual([]);
  });
});
