import { DapoApplicationPackInput as schema } from '../../../../shared/contracts/documents.ts';
import { formatDate, formatInstant } from '../format.ts';
import type { Template } from './template.ts';
import { officerLine } from './wording.ts';

const durationText = (days: number | null): string =>
  days === null
    ? 'Until further order (section 38(3)(c))'
    : `${days} day${days === 1 ? '' : 's'} from the day the order is made (section 38(3)(a); the Act sets no maximum)`;

/**
 * The pack a constable puts before the magistrates' court for the application for a DAPO the chief officer
 * of police must make once a DAPN has been given (Domestic Abuse Act 2021 ss.28(3), 29, 32-38).
 */
export const dapoApplicationPack: Template<'dapo-application-pack'> = {
  type: 'dapo-application-pack',
  title: 'Application for a Domestic Abuse Protection Order',
  schema,
  compose: (input, context) => ({
    title: 'Application for a Domestic Abuse Protection Order',
    subtitle: 'Domestic Abuse Act 2021, sections 28 and 29: application to the magistrates’ court',
    marking: 'OFFICIAL-SENSITIVE',
    subject: `DAPO application pack, case ${input.caseReference}`,
    keywords: ['DAPO', 'Domestic Abuse Act 2021', 'application'],
    blocks: [
      {
        kind: 'fields',
        rows: [
          { label: 'To', value: input.court },
          { label: 'Applicant', value: `The chief officer of police, ${context.forceName}` },
          { label: 'Presented by', value: officerLine(input.applicant) },
          { label: 'Respondent', value: input.respondent.fullName },
          { label: 'Respondent’s date of birth', value: formatDate(input.respondent.dateOfBirth) },
          { label: 'Respondent’s address', value: input.respondent.address },
          { label: 'Person to be protected', value: input.protectedPerson.fullName },
          { label: 'Case reference', value: input.caseReference },
        ],
      },
      {
        kind: 'paragraph',
        text: 'A domestic abuse protection notice has been given to the respondent, so the chief officer of police must apply for a domestic abuse protection order against the respondent (section 28(3)).',
        muted: true,
      },
      { kind: 'heading', text: '1  The notice' },
      {
        kind: 'fields',
        rows: [
          ...(input.dapn.documentReference
            ? [{ label: 'Notice reference', value: input.dapn.documentReference }]
            : []),
          { label: 'Authorised by', value: officerLine(input.dapn.authorisedBy) },
          { label: 'Authorised at', value: formatInstant(input.dapn.authorisedAt) },
          { label: 'Given (served) at', value: formatInstant(input.dapn.servedAt) },
          { label: 'Served by', value: officerLine(input.dapn.servedBy) },
          { label: 'Hearing no later than', value: formatInstant(input.hearingLatestBy) },
        ],
      },
      {
        kind: 'paragraph',
        text: 'The application must be heard no later than 48 hours after the notice was given to the respondent, disregarding Sundays, Christmas Day, Good Friday and any bank holiday in England and Wales (section 29(2) and (3)). If the hearing is adjourned, the notice continues in effect until the application has been determined or withdrawn (section 29(7)).',
        muted: true,
      },
      { kind: 'heading', text: '2  Grounds' },
      {
        kind: 'paragraph',
        text: 'The court may make the order if satisfied on the balance of probabilities that the respondent has been abusive towards a person aged 16 or over to whom the respondent is personally connected, and that the order is necessary and proportionate to protect that person from domestic abuse, or the risk of domestic abuse, carried out by the respondent (section 32).',
        muted: true,
      },
      { kind: 'paragraph', text: input.grounds },
      { kind: 'heading', text: '3  Requirements sought' },
      {
        kind: 'paragraph',
        text: 'The order may impose any requirements the court considers necessary to protect the person from domestic abuse or the risk of it, including prohibitions, restrictions, requirements to do things, electronic monitoring and notification requirements (sections 35 to 38 and 41).',
        muted: true,
      },
      { kind: 'list', items: input.requirementsSought },
      { kind: 'fields', rows: [{ label: 'Duration sought', value: durationText(input.durationDays) }] },
      { kind: 'heading', text: '4  Matters for the court to consider' },
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
        text: 'On behalf of the chief officer of police, I apply for a domestic abuse protection order against the respondent on the grounds set out above. The contents of this application are true to the best of my knowledge and belief.',
      },
      { kind: 'completion', lines: ['Signature of the officer presenting the application', 'Date'] },
    ],
  }),
};
