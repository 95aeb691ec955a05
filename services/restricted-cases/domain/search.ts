import { normaliseCollarNumber } from './directory.ts';
import { normaliseCaseReference } from './ids.ts';
import { CaseId } from './model.ts';

/**
 * A search names a case by its reference, its crime number or the suspect's collar number. Each is an
 * exact lookup by index; nothing is scanned and nothing partial is matched, so a search cannot be used to
 * sweep the records.
 */
export interface SearchKeys {
  readonly caseId?: string;
  readonly crimeNumber?: string;
  readonly collarNumber?: string;
}

export const normaliseCrimeNumber = (value: string): string => value.trim().toUpperCase().replace(/\s+/g, '');

export const searchKeysOf = (term: string): SearchKeys => {
  const trimmed = term.trim();
  if (trimmed === '' || trimmed.length > 60) return {};
  const reference = normaliseCaseReference(trimmed);
  if (CaseId.safeParse(reference).success) return { caseId: reference };
  return { crimeNumber: normaliseCrimeNumber(trimmed), collarNumber: normaliseCollarNumber(trimmed) };
};
