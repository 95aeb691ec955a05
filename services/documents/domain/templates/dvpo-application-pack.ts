import { DvpoApplicationPackInput as schema } from '../../../../shared/contracts/documents.ts';
import { protectionOrderApplication } from './protection-order-application.ts';
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
  compose: (input) =>
    protectionOrderApplication(input, {
      title: 'Application for a Domestic Violence Protection Order',
      subtitle: 'Crime and Security Act 2010, sections 27 and 28: complaint to the magistrates’ court',
      subjectLabel: 'DVPO application pack',
      keywords: ['DVPO', 'Crime and Security Act 2010', 'application'],
      applicant: [{ label: 'Applicant', value: officerLine(input.applicant) }],
      notice: input.dvpn,
      servedAtLabel: 'Served at',
      hearingRule:
        'The application must be heard no later than 48 hours after the notice was served, not counting Sundays, Christmas Day, Good Friday or any bank holiday (section 27(4) and (5)).',
      courtTest:
        'The court may make the order if satisfied on the balance of probabilities that the respondent has been violent towards, or has threatened violence towards, the person to be protected, and that the order is necessary to protect that person from violence or a threat of violence by the respondent (section 28(2) and (3)).',
      sought: {
        heading: '3  Provisions sought',
        items: input.provisionsSought,
        duration: `${input.durationDays} days from the day the order is made (at least 14 and no more than 28, section 28(10))`,
      },
      considerationsHeading: '4  Matters the court must consider',
      declaration:
        'I apply for a domestic violence protection order against the respondent on the grounds set out above. The contents of this application are true to the best of my knowledge and belief.',
      signatureLine: 'Signature of the applicant',
    }),
};
