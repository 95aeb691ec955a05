import { formatInstant } from '../format.ts';
import type { IssuedDocument } from '../issued-document.ts';
import type { SignatureInspection } from './inspect-signature.ts';

export type CheckName =
  | 'is-pdf'
  | 'has-signature'
  | 'signature-valid'
  | 'covers-whole-document'
  | 'signed-by-force'
  | 'matches-record'
  | 'not-revoked';

export type CheckStatus = 'passed' | 'failed' | 'not-checked';

export interface Check {
  readonly name: CheckName;
  readonly question: string;
  readonly status: CheckStatus;
  /** The answer in plain words, for someone who does not know what a hash is. */
  readonly explanation: string;
}

export type Verdict = 'genuine' | 'not-genuine' | 'incomplete';

export interface VerificationReport {
  readonly verdict: Verdict;
  readonly summary: string;
  readonly checks: readonly Check[];
  readonly documentId?: string;
}

/** What the register of issued documents said: the record, nothing, or that it could not be asked. */
export type RegisterAnswer =
  | { readonly kind: 'found'; readonly record: IssuedDocument }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'unavailable' };

export interface JudgementContext {
  readonly forceName: string;
  /** Fingerprints of the certificates the force signs with (current and any earlier key). */
  readonly trustedFingerprints: readonly string[];
  readonly register: RegisterAnswer;
}

const questions: Record<CheckName, string> = {
  'is-pdf': 'Is it a PDF?',
  'has-signature': 'Does it carry a digital signature?',
  'signature-valid': 'Is the signature valid?',
  'covers-whole-document': 'Does the signature cover the whole document?',
  'signed-by-force': 'Was it signed by the force?',
  'matches-record': 'Is it identical to the document the force issued?',
  'not-revoked': 'Is the document still in force (not revoked)?',
};

const check = (name: CheckName, status: CheckStatus, explanation: string): Check => ({
  name,
  question: questions[name],
  status,
  explanation,
});

const notChecked = (names: readonly CheckName[], because: string): Check[] =>
  names.map((name) => check(name, 'not-checked', because));

const shortFingerprint = (fingerprint: string): string =>
  fingerprint
    .slice(0, 16)
    .toUpperCase()
    .replace(/(.{4})(?!$)/g, '$1 ');

const verdictOf = (checks: readonly Check[]): Verdict =>
  checks.some((c) => c.status === 'failed')
    ? 'not-genuine'
    : checks.every((c) => c.status === 'passed')
      ? 'genuine'
      : 'incomplete';

const summaries: Record<Verdict, (forceName: string, documentId?: string) => string> = {
  genuine: (forceName, documentId) =>
    `This is a genuine document issued by ${forceName}${documentId ? ` (reference ${documentId})` : ''}, unchanged since it was signed.`,
  'not-genuine': (forceName) =>
    `Do not rely on this file: it is not an unchanged, valid document issued by ${forceName}. The checks below say why.`,
  incomplete: () =>
    'The file could not be fully checked. The signature checks below are reliable, but nothing is confirmed until every check has passed.',
};

const recordChecks = (register: RegisterAnswer, sha256: string): Check[] => {
  if (register.kind === 'unavailable') {
    return [
      check(
        'matches-record',
        'not-checked',
        'The register of issued documents could not be reached, so this copy could not be compared with the one issued. Try again later.',
      ),
      check(
        'not-revoked',
        'not-checked',
        'Without the register it is not known whether the document has been revoked.',
      ),
    ];
  }
  if (register.kind === 'not-found') {
    return [
      check(
        'matches-record',
        'failed',
        'The register of issued documents has no document with this reference or with exactly this content.',
      ),
      check('not-revoked', 'not-checked', 'There is no record of issue to look at.'),
    ];
  }
  const { record } = register;
  return [
    record.sha256 === sha256
      ? check(
          'matches-record',
          'passed',
          `It is identical, byte for byte, to document ${record.documentId}, issued on ${formatInstant(record.createdAt)}.`,
        )
      : check(
          'matches-record',
          'failed',
          `Document ${record.documentId} was issued, but this file is not identical to it: its contents differ from the copy the force keeps.`,
        ),
    record.revoked
      ? check(
          'not-revoked',
          'failed',
          `The force revoked this document on ${formatInstant(record.revoked.at)}: ${record.revoked.reason}`,
        )
      : check('not-revoked', 'passed', 'The document has not been revoked.'),
  ];
};

type SignedInspection = Extract<SignatureInspection, { kind: 'signed' }>;

const signatureCheck = (inspection: SignedInspection): Check => {
  if (inspection.digestMatches && inspection.signatureVerifies) {
    return check(
      'signature-valid',
      'passed',
      'The signature is valid: the signed contents are exactly what the signer signed.',
    );
  }
  if (inspection.unsupportedAlgorithm) {
    return check(
      'signature-valid',
      'failed',
      `The signature uses an algorithm (${inspection.unsupportedAlgorithm}) the force never signs with.`,
    );
  }
  if (!inspection.digestMatches) {
    return check(
      'signature-valid',
      'failed',
      'The signed contents have changed since they were signed: even one altered character breaks the signature.',
    );
  }
  return check(
    'signature-valid',
    'failed',
    'The signature does not match the key of the certificate it names: it has been altered or forged.',
  );
};

const coverageProblems: Record<NonNullable<SignedInspection['coverageProblem']>, string> = {
  'bytes-after-signature':
    'Something was added to the file after it was signed (for example, an edit saved on top of it), so what you see may not be what was signed.',
  'bytes-outside-signature': 'Part of the file at its start is not covered by the signature.',
  'signature-not-in-gap':
    'The signature leaves part of the file uncovered besides the signature itself, where content could be hidden.',
  'range-outside-file':
    'The signature claims to cover bytes that are not in the file: the file has been cut short.',
};

const coverageCheck = (inspection: SignedInspection): Check => {
  if (inspection.coverageProblem) {
    return check('covers-whole-document', 'failed', coverageProblems[inspection.coverageProblem]);
  }
  if (inspection.signatureCount > 1) {
    return check(
      'covers-whole-document',
      'failed',
      'The file carries more than one signature; documents the force issues are signed once.',
    );
  }
  return check(
    'covers-whole-document',
    'passed',
    'The signature covers the whole file: nothing has been added or removed since it was signed.',
  );
};

const signerCheck = (inspection: SignedInspection, valid: boolean, context: JudgementContext): Check => {
  const { forceName } = context;
  // Anyone can put the force's public certificate in a signature; only a valid one shows who signed.
  if (!valid) {
    return check(
      'signed-by-force',
      'not-checked',
      'Not checked: a signature that is not valid proves nothing about who made it, whatever certificate it carries.',
    );
  }
  const signer = inspection.signer;
  if (!signer) return check('signed-by-force', 'failed', 'The signature does not say who signed it.');
  if (context.trustedFingerprints.includes(signer.fingerprint)) {
    return check(
      'signed-by-force',
      'passed',
      `It was signed with ${forceName}’s document-signing certificate (fingerprint ${shortFingerprint(signer.fingerprint)}…).`,
    );
  }
  return check(
    'signed-by-force',
    'failed',
    `It was signed by someone else (${signer.subject}), not with ${forceName}’s document-signing certificate.`,
  );
};

/**
 * Turns what the file's bytes say (`inspectSignature`) and what the register says into answers a member
 * of staff can act on: each check passed, failed or not checked, in plain words, and one verdict.
 */
export const judgeDocument = (
  inspection: SignatureInspection,
  context: JudgementContext,
): VerificationReport => {
  const { forceName } = context;
  const checks: Check[] = [];
  let documentId: string | undefined;

  if (inspection.kind === 'not-pdf') {
    checks.push(
      check('is-pdf', 'failed', `The file is not a PDF, so it cannot be a document issued by ${forceName}.`),
      ...notChecked(
        [
          'has-signature',
          'signature-valid',
          'covers-whole-document',
          'signed-by-force',
          'matches-record',
          'not-revoked',
        ],
        'Not checked: the file is not a PDF.',
      ),
    );
    return { verdict: 'not-genuine', summary: summaries['not-genuine'](forceName), checks };
  }

  checks.push(check('is-pdf', 'passed', 'The file is a PDF.'));
  if (inspection.kind === 'unsigned') {
    checks.push(
      check(
        'has-signature',
        'failed',
        `The PDF carries no digital signature. Every document ${forceName} issues is signed, so this is not an issued document; a copy printed or saved again as a new PDF also loses its signature.`,
      ),
      ...notChecked(
        ['signature-valid', 'covers-whole-document', 'signed-by-force'],
        'Not checked: there is no signature.',
      ),
      ...recordChecks(context.register, inspection.sha256),
    );
    return { verdict: 'not-genuine', summary: summaries['not-genuine'](forceName), checks };
  }

  checks.push(check('has-signature', 'passed', 'The PDF carries a digital signature.'));
  if (inspection.kind === 'unreadable-signature') {
    checks.push(
      check(
        'signature-valid',
        'failed',
        `The signature is damaged and cannot be read (${inspection.detail}), so nothing it claims can be trusted.`,
      ),
      ...notChecked(
        ['covers-whole-document', 'signed-by-force'],
        'Not checked: the signature cannot be read.',
      ),
      ...recordChecks(context.register, inspection.sha256),
    );
    return { verdict: 'not-genuine', summary: summaries['not-genuine'](forceName), checks };
  }

  const valid = inspection.digestMatches && inspection.signatureVerifies;
  checks.push(signatureCheck(inspection), coverageCheck(inspection), signerCheck(inspection, valid, context));
  checks.push(...recordChecks(context.register, inspection.sha256));
  if (context.register.kind === 'found') documentId = context.register.record.documentId;

  const verdict = verdictOf(checks);
  return {
    verdict,
    summary: summaries[verdict](forceName, documentId),
    checks,
    ...(documentId ? { documentId } : {}),
  };
};
