import { DocumentType } from '../../shared/contracts/documents.ts';
import { formatInstant } from './domain/format.ts';
import { templates } from './domain/templates/index.ts';
import type { VerificationReport } from './domain/verification/judge.ts';
import type { ReferenceCheck } from './domain/verification/verify-document.ts';

/** What the verify page shows: plain words and GOV.UK components, nothing from inside the document. */

const statusTags = {
  passed: { text: 'Yes', classes: 'govuk-tag--green' },
  failed: { text: 'No', classes: 'govuk-tag--red' },
  'not-checked': { text: 'Not checked', classes: 'govuk-tag--grey' },
} as const;

const verdictHeadings = {
  genuine: 'Genuine',
  'not-genuine': 'Not genuine',
  incomplete: 'Not fully checked',
} as const;

export const reportView = (report: VerificationReport) => ({
  verdict: report.verdict,
  heading: verdictHeadings[report.verdict],
  summary: report.summary,
  rows: report.checks.map((check) => ({
    question: check.question,
    tag: statusTags[check.status],
    explanation: check.explanation,
  })),
});

const documentTypeLabel = (type: string): string => {
  const parsed = DocumentType.safeParse(type);
  return parsed.success ? templates[parsed.data].title : type;
};

export const referenceView = (check: ReferenceCheck) => {
  switch (check.kind) {
    case 'malformed':
      return undefined;
    case 'unknown':
      return {
        kind: check.kind,
        heading: 'Not a document the force issued',
        text: `No document with reference ${check.documentId} is in the register of issued documents. Check the reference against the foot of a page.`,
      };
    case 'unavailable':
      return {
        kind: check.kind,
        heading: 'Not checked',
        text: 'The register of issued documents could not be reached. Try again in a few minutes.',
      };
    case 'issued':
      return {
        kind: check.kind,
        heading: check.record.revoked ? 'Issued, then revoked' : 'Issued by the force',
        rows: [
          { key: 'Reference', value: check.record.documentId },
          { key: 'Document', value: documentTypeLabel(check.record.documentType) },
          { key: 'Issued', value: formatInstant(check.record.createdAt) },
          { key: 'Pages', value: String(check.record.pageCount) },
          {
            key: 'Status',
            value: check.record.revoked
              ? `Revoked on ${formatInstant(check.record.revoked.at)}: ${check.record.revoked.reason}`
              : 'In force (not revoked)',
          },
        ],
        storedCopy: check.storedCopy ? reportView(check.storedCopy) : undefined,
        text: check.storedCopy
          ? 'The copy the force keeps was checked as below. To confirm that a copy you hold is the same, upload it.'
          : 'The copy the force keeps could not be read. To confirm that a copy you hold is genuine, upload it.',
      };
  }
};
