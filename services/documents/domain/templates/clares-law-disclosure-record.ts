import {
  type ClaresLawDisclosureRecordInput,
  ClaresLawDisclosureRecordInput as schema,
} from '../../../../shared/contracts/documents.ts';
import { formatDate, formatInstant } from '../format.ts';
import type { Block } from '../layout/model.ts';
import type { Template } from './template.ts';
import { officerLine } from './wording.ts';

const routeLabels: Record<ClaresLawDisclosureRecordInput['route'], string> = {
  'right-to-ask': 'Right to ask',
  'right-to-know': 'Right to know',
};

const roleLabels: Record<ClaresLawDisclosureRecordInput['recipient']['role'], string> = {
  applicant: 'The applicant',
  'potential-victim': 'The potential victim',
  'third-party': 'A third party best placed to safeguard the potential victim',
};

/** DOMAIN.md §2: the information pack names the National Domestic Abuse Helpline. */
export const nationalHelpline = 'National Domestic Abuse Helpline, 0808 2000 247';

const undertakingBlocks = (undertaking: ClaresLawDisclosureRecordInput['undertaking']): Block[] =>
  undertaking.status === 'signed'
    ? [{ kind: 'paragraph', text: 'The recipient signed the confidentiality undertaking.', bold: true }]
    : [
        {
          kind: 'paragraph',
          text: 'The recipient refused to sign the confidentiality undertaking.',
          bold: true,
        },
        {
          kind: 'fields',
          rows: [
            {
              label: 'Decision recorded',
              value:
                undertaking.outcome === 'disclosure-went-ahead'
                  ? 'The disclosure went ahead.'
                  : 'The disclosure was not made.',
            },
            { label: 'Rationale', value: undertaking.rationale },
          ],
        },
      ];

/**
 * The police's own record of a Clare's Law disclosure: the exact words disclosed, to whom, by whom, when
 * and where, kept in case the disclosure is ever challenged. Internal only (DOMAIN.md §2: nothing in
 * writing about a disclosure is given to the applicant).
 */
export const claresLawDisclosureRecord: Template<'clares-law-disclosure-record'> = {
  type: 'clares-law-disclosure-record',
  title: 'Disclosure record',
  schema,
  compose: (input) => ({
    title: 'Disclosure record',
    subtitle: 'Domestic Violence Disclosure Scheme (Clare’s Law): the record of a disclosure made',
    marking: 'OFFICIAL-SENSITIVE',
    handling:
      'A police record, kept by the force. Never give or send this record, or a copy of it, to the applicant or to the person who received the disclosure.',
    subject: `Clare's Law disclosure record, application ${input.applicationReference}`,
    keywords: ['DVDS', "Clare's Law", 'disclosure record'],
    blocks: [
      {
        kind: 'fields',
        rows: [
          { label: 'Application reference', value: input.applicationReference },
          { label: 'Route', value: routeLabels[input.route] },
          {
            label: 'Subject of the disclosure',
            value: input.subject.dateOfBirth
              ? `${input.subject.fullName}, born ${formatDate(input.subject.dateOfBirth)}`
              : input.subject.fullName,
          },
        ],
      },
      { kind: 'heading', text: '1  The decision this disclosure carries out' },
      {
        kind: 'fields',
        rows: [
          { label: 'Decided by', value: input.forumDecision.forum },
          { label: 'Decision reference', value: input.forumDecision.decisionReference },
          { label: 'Decided at', value: formatInstant(input.forumDecision.decidedAt) },
        ],
      },
      { kind: 'paragraph', text: 'What was authorised:', bold: true },
      { kind: 'paragraph', text: input.forumDecision.authorised },
      { kind: 'heading', text: '2  The disclosure' },
      {
        kind: 'fields',
        rows: [
          { label: 'Disclosed to', value: input.recipient.fullName },
          { label: 'Who they are', value: roleLabels[input.recipient.role] },
          { label: 'Relationship', value: input.recipient.relationship },
          { label: 'Disclosed by', value: officerLine(input.disclosedBy) },
          ...(input.accompaniedBy
            ? [{ label: 'Accompanied by', value: officerLine(input.accompaniedBy) }]
            : []),
          { label: 'When', value: formatInstant(input.disclosedAt) },
          { label: 'Where', value: input.place },
        ],
      },
      { kind: 'heading', text: '3  The words disclosed, verbatim' },
      {
        kind: 'paragraph',
        text: 'Recorded exactly as spoken by the disclosing officer. Line numbers are for reference only.',
        muted: true,
      },
      { kind: 'verbatim', text: input.verbatimDisclosure },
      { kind: 'heading', text: '4  Confidentiality undertaking' },
      ...undertakingBlocks(input.undertaking),
      { kind: 'heading', text: '5  Information pack' },
      input.informationPack.given
        ? {
            kind: 'paragraph',
            text: `An information pack was given to the recipient, including the ${nationalHelpline}.`,
          }
        : {
            kind: 'fields',
            rows: [
              { label: 'Information pack', value: 'Not given' },
              { label: 'Reason', value: input.informationPack.reasonNotGiven ?? '' },
            ],
          },
      { kind: 'heading', text: '6  Confirmation' },
      {
        kind: 'paragraph',
        text: 'The disclosing officer confirms that section 3 records the words disclosed, exactly as they were spoken.',
      },
      {
        kind: 'completion',
        lines: ['Signature of the disclosing officer', 'Signature of the accompanying officer (if any)'],
      },
    ],
  }),
};
