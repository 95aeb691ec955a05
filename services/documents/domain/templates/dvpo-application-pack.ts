import { DvpoApplicationPackInput as schema } from '../../../../shared/contracts/documents.ts';
import { formatDate, formatInstant } from '../format.ts';
import type { Template } from './template.ts';
import { officerLine } from './wording.ts';

/**
 * The pack a constable puts before the magistrates' court when applying for a DVPO after a DVPN has been
 * served (Crime and Security Act 2010 ss.27-28).
 */
export const dvpoApplicationPack: Template<'dvpo-application-pack'> = {
  type: 'dvpo-application-pack',
  title: 'Application for a Domestic Violence Protection Order',
  schema,
  compose: (input) => ({
    title: 'Application for a Domestic Violence Protection Order',
    subtitle: 'Crime and Security Act 2010, sections 27 and 28: complaint to the magistrates’ court',
    marking: 'OFFICIAL-SENSITIVE',
    subject: `DVPO application pack, case ${input.caseReference}`,
    keywords: ['DVPO', 'Crime and Security Act 2010', 'application'],
    blocks: [
      {
        kind: 'fields',
        rows: [
          { label: 'To', value: input.court },
          { label: 'Applicant', value: officerLine(input.applicant) },
          { label: 'Respondent', value: input.respondent.fullName },
          { label: 'Respondent’s date of birth', value: formatDate(input.respondent.dateOfBirth) },
          { label: 'Respondent’s address', value: input.respondent.address },
          { label: 'Person to be protected', value: input.protectedPerson.fullName },
          { label: 'Case reference', value: input.caseReference },
        ],
      },
      { kind: 'heading', text: '1  The notice' },
      {
        kind: 'fields',
        rows: [
          ...(input.dvpn.documentReference
            ? [{ label: 'Notice reference', value: input.dvpn.documentReference }]
            : []),
          { label: 'Authorised by', value: officerLine(input.dvpn.authorisedBy) },
          { label: 'Authorised at', value: formatInstant(input.dvpn.authorisedAt) },
          { label: 'Served at', value: formatInstant(input.dvpn.servedAt) },
          { label: 'Served by', value: officerLine(input.dvpn.servedBy) },
          { label: 'Hearing no later than', value: formatInstant(input.hearingLatestBy) },
        ],
      },
      {
        kind: 'paragraph',
        text: 'The application must be heard no later than 48 hours after the notice was served, not counting Sundays, Christmas Day, Good Friday or any bank holiday (section 27(4) and (5)).',
        muted: true,
      },
      { kind: 'heading', text: '2  Grounds' },
      {
        kind: 'paragraph',
        text: 'The court may make the order if satisfied on the balance of probabilities that the respondent has been violent towards, or has threatened violence towards, the person to be protected, and that the order is necessary to protect that person from violence or a threat of violence by the respondent (section 28(2) and (3)).',
        muted: true,
      },
      { kind: 'paragraph', text: input.grounds },
      { kind: 'heading', text: '3  Provisions sought' },
      { kind: 'list', items: input.provisionsSought },
      {
        kind: 'fields',
        rows: [
          {
            label: 'Duration sought',
            value: `${input.durationDays} days from the day the order is made (at least 14 and no more than 28, section 28(10))`,
          },
        ],
      },
      { kind: 'heading', text: '4  Matters the court must consider' },
      {
        kind: 'fields',
        rows: [
          { label: 'Welfare of any child', value: input.considerations.childWelfare },
          {
            label: 'Opinion of the person to be protected',
            value: input.considerations.protectedPersonOpinion,
          },
          {
            label: 'Representations of the respondent',
            value: input.considerations.respondentRepresentations,
          },
        ],
      },
      { kind: 'heading', text: '5  Evidence' },
      {
        kind: 'table',
        columns: [
          { header: 'Exhibit', share: 0.2 },
          { header: 'Description', share: 0.8 },
        ],
        rows: input.evidence.map((item) => [item.exhibit, item.description]),
        emptyText: 'No exhibits are listed with this application.',
      },
      { kind: 'heading', text: '6  Declaration' },
      {
        kind: 'paragraph',
        text: 'I apply for a domestic violence protection order against the respondent on the grounds set out above. The contents of this application are true to the best of my knowledge and belief.',
      },
      { kind: 'completion', lines: ['Signature of the applicant', 'Date'] },
    ],
  }),
};
