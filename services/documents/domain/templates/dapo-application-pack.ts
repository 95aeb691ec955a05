import { DapoApplicationPackInput as schema } from '../../../../shared/contracts/documents.ts';
import { protectionOrderApplication } from './protection-order-application.ts';
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
  compose: (input, context) =>
    protectionOrderApplication(input, {
      title: 'Application for a Domestic Abuse Protection Order',
      subtitle: 'Domestic Abuse Act 2021, sections 28 and 29: application to the magistrates’ court',
      subjectLabel: 'DAPO application pack',
      keywords: ['DAPO', 'Domestic Abuse Act 2021', 'application'],
      applicant: [
        { label: 'Applicant', value: `The chief officer of police, ${context.forceName}` },
        { label: 'Presented by', value: officerLine(input.applicant) },
      ],
      preamble:
        'A domestic abuse protection notice has been given to the respondent, so the chief officer of police must apply for a domestic abuse protection order against the respondent (section 28(3)).',
      notice: input.dapn,
      servedAtLabel: 'Given (served) at',
      hearingRule:
        'The application must be heard no later than 48 hours after the notice was given to the respondent, disregarding Sundays, Christmas Day, Good Friday and any bank holiday in England and Wales (section 29(2) and (3)). If the hearing is adjourned, the notice continues in effect until the application has been determined or withdrawn (section 29(7)).',
      courtTest:
        'The court may make the order if satisfied on the balance of probabilities that the respondent has been abusive towards a person aged 16 or over to whom the respondent is personally connected, and that the order is necessary and proportionate to protect that person from domestic abuse, or the risk of domestic abuse, carried out by the respondent (section 32).',
      sought: {
        heading: '3  Requirements sought',
        rule: 'The order may impose any requirements the court considers necessary to protect the person from domestic abuse or the risk of it, including prohibitions, restrictions, requirements to do things, electronic monitoring and notification requirements (sections 35 to 38 and 41).',
        items: input.requirementsSought,
        duration: durationText(input.durationDays),
      },
      considerationsHeading: '4  Matters for the court to consider',
      declaration:
        'On behalf of the chief officer of police, I apply for a domestic abuse protection order against the respondent on the grounds set out above. The contents of this application are true to the best of my knowledge and belief.',
      signatureLine: 'Signature of the officer presenting the application',
    }),
};
