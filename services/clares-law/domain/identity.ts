import type { DvdsCase, PatternFlag, PatternRole } from './model.ts';

/**
 * How a person is recognised across applications without storing who they are: the service keeps a keyed
 * HMAC of the normalised name and date of birth (ARCHITECTURE.md "Data"), never the plain value. This file
 * decides what is hashed; the hashing itself sits behind the `IdentityHasher` port.
 */

/**
 * Folds the differences that do not make a different name: Unicode compatibility forms, case, spacing,
 * punctuation between parts, and accents on Latin letters ("José O'Neil" matches "jose oneil"). Marks on
 * letters of other scripts are kept, because in many scripts they are part of the letter.
 */
export const normaliseName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{Mn}+/gu, '$1')
    .normalize('NFC')
    .toLocaleLowerCase('und')
    .replace(/[\p{P}\p{S}]+/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();

export type IdentityStrength = PatternFlag['strength'];

/** One thing to be hashed about one person on one case. */
export interface IdentityMaterial {
  readonly role: PatternRole;
  readonly strength: IdentityStrength;
  /** The text the HMAC is taken of; never stored or logged. */
  readonly material: string;
}

interface Person {
  readonly names: readonly string[];
  readonly dateOfBirth?: string | undefined;
}

const materialFor = (role: PatternRole, person: Person): IdentityMaterial[] => {
  const names = [...new Set(person.names.map(normaliseName).filter((name) => name.length > 0))];
  return names.flatMap((name) => [
    ...(person.dateOfBirth
      ? [
          {
            role,
            strength: 'name-and-date-of-birth' as const,
            material: `person|${name}|${person.dateOfBirth}`,
          },
        ]
      : []),
    { role, strength: 'name-only' as const, material: `name|${name}` },
  ]);
};

/** The identities a case holds: the subject (with aliases), the applicant, and a person at risk named apart. */
export const identityMaterialOf = (dvdsCase: DvdsCase): IdentityMaterial[] => {
  const people: { role: PatternRole; person: Person }[] = [];
  const application = dvdsCase.application;
  const information = dvdsCase.information;
  const subject = application?.subject ?? information?.subject;
  if (subject) {
    people.push({
      role: 'subject',
      person: { names: [subject.fullName, ...subject.aliases], dateOfBirth: subject.dateOfBirth },
    });
  }
  if (application) {
    people.push({
      role: 'applicant',
      person: {
        names: [application.applicant.fullName, ...application.applicant.otherNames],
        dateOfBirth: application.applicant.dateOfBirth,
      },
    });
  }
  const personAtRisk =
    application?.applicantIsPersonAtRisk === false ? application.personAtRisk : information?.personAtRisk;
  if (personAtRisk) {
    people.push({
      role: 'person-at-risk',
      person: { names: [personAtRisk.fullName], dateOfBirth: personAtRisk.dateOfBirth },
    });
  }
  return people.flatMap(({ role, person }) => materialFor(role, person));
};

/** Port: the keyed hash (HMAC-SHA-256 with the force's identity key in every adapter). */
export interface IdentityHasher {
  hash(material: string): string;
}

export interface IdentityKey {
  readonly role: PatternRole;
  readonly strength: IdentityStrength;
  readonly key: string;
}

export const identityKeysOf = (dvdsCase: DvdsCase, hasher: IdentityHasher): IdentityKey[] => {
  const seen = new Set<string>();
  const keys: IdentityKey[] = [];
  for (const item of identityMaterialOf(dvdsCase)) {
    const key = hasher.hash(item.material);
    const unique = `${item.role}|${key}`;
    if (seen.has(unique)) continue;
    seen.add(unique);
    keys.push({ role: item.role, strength: item.strength, key });
  }
  return keys;
};

/** An earlier case found under one of this case's keys. */
export interface IdentityMatch {
  readonly key: string;
  readonly caseId: string;
  readonly role: PatternRole;
}

/**
 * The pattern flags the forum sees (APP DVDS "so that any patterns, for example, multiple disclosure
 * requests, can be identified"): for each person on this case, the earlier cases in which the same person
 * appeared, in which role, and how strongly (name and date of birth, or name alone). A name-only match is
 * not reported when the same case already matched on name and date of birth.
 */
export const patternFlagsOf = (
  caseId: string,
  keys: readonly IdentityKey[],
  matches: readonly IdentityMatch[],
): PatternFlag[] => {
  const grouped = new Map<string, { flag: Omit<PatternFlag, 'caseIds'>; caseIds: Set<string> }>();
  const strongPairs = new Set<string>();
  const ordered = [...keys].sort((a, b) =>
    a.strength === b.strength ? 0 : a.strength === 'name-only' ? 1 : -1,
  );
  for (const key of ordered) {
    for (const match of matches) {
      if (match.key !== key.key || match.caseId === caseId) continue;
      const pair = `${key.role}|${match.caseId}|${match.role}`;
      if (key.strength === 'name-only' && strongPairs.has(pair)) continue;
      if (key.strength === 'name-and-date-of-birth') strongPairs.add(pair);
      const group = `${key.role}|${match.role}|${key.strength}`;
      const entry = grouped.get(group) ?? {
        flag: { role: key.role, earlierRole: match.role, strength: key.strength },
        caseIds: new Set<string>(),
      };
      entry.caseIds.add(match.caseId);
      grouped.set(group, entry);
    }
  }
  return [...grouped.values()].map(({ flag, caseIds }) => ({ ...flag, caseIds: [...caseIds].sort() }));
};
