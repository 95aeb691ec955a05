/**
 * Keys whose values are personal data (or secrets) and never reach a log line, whatever object they sit in.
 * Keys are compared after lower-casing and dropping everything but letters and digits, so `dateOfBirth`,
 * `date_of_birth` and `Date-Of-Birth` are one key.
 */
export const personalDataKeys: readonly string[] = [
  // names
  'name',
  'names',
  'displayname',
  'alias',
  'aliases',
  'nickname',
  'previousnames',
  // dates of birth
  'dob',
  'birthday',
  // contact details
  'street',
  'town',
  'city',
  // free text
  'details',
  'note',
  'comment',
  'circumstances',
  'statement',
  'answers',
  // identifiers of a person
  'nationalinsurancenumber',
  'ninumber',
  'nhsnumber',
  'passportnumber',
  'drivinglicencenumber',
  'sourceip',
  'useragent',
  // request material that carries all of the above, and credentials
  'body',
  'cookie',
  'cookies',
  'authorization',
  'password',
  'secret',
];

/** Endings that mark a key as personal data however it is prefixed (`victimDateOfBirth`, `homeAddress`). */
export const personalDataKeyEndings: readonly string[] = [
  'fullname',
  'firstname',
  'lastname',
  'middlename',
  'maidenname',
  'surname',
  'forename',
  'forenames',
  'givenname',
  'givennames',
  'familyname',
  'preferredname',
  'dateofbirth',
  'birthdate',
  'address',
  'addresses',
  'addressline1',
  'addressline2',
  'postcode',
  'postalcode',
  'phone',
  'phonenumber',
  'telephone',
  'telephonenumber',
  'mobile',
  'mobilenumber',
  'email',
  'emails',
  'freetext',
  'narrative',
  'description',
  'notes',
  'comments',
  'safeword',
  'codeword',
  'token',
];

/** People the domain names; `<role>Name` is always a person's name. */
const personRoles = [
  'victim',
  'perpetrator',
  'suspect',
  'subject',
  'applicant',
  'caller',
  'reporter',
  'recipient',
  'partner',
  'child',
  'witness',
  'person',
  'officer',
  'contact',
];

export const REDACTED = '[REDACTED]';

const exact = new Set(personalDataKeys);

const normalise = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');

export const isPersonalDataKey = (key: string): boolean => {
  const normalised = normalise(key);
  if (normalised === '') return false;
  if (exact.has(normalised)) return true;
  if (personalDataKeyEndings.some((ending) => normalised.endsWith(ending))) return true;
  return normalised.endsWith('name') && personRoles.some((role) => normalised.startsWith(role));
};

/** Deep copy of `value` with every personal-data key's value replaced; for code that serialises on its own. */
export const redact = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, redactingReplacer) ?? 'null');

/** A JSON.stringify replacer: JSON.stringify visits every key at every depth, so redaction is recursive. */
export const redactingReplacer = (key: string, value: unknown): unknown =>
  key !== '' && isPersonalDataKey(key) && value !== undefined && value !== null ? REDACTED : value;
