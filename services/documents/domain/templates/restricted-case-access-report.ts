import { rankLabel } from '../../../../shared/auth/principal.ts';
import { RestrictedCaseAccessReportInput as schema } from '../../../../shared/contracts/documents.ts';
import { formatInstant } from '../format.ts';
import type { Template } from './template.ts';
import { departmentLabel } from './wording.ts';

const shortInstant = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * Every attempt to open or change a restricted case (a case with a police suspect), allowed or denied,
 * for the Professional Standards Department (DOMAIN.md §4; Data Protection Act 2018 s.62). People are
 * identified by collar number only.
 */
export const restrictedCaseAccessReport: Template<'restricted-case-access-report'> = {
  type: 'restricted-case-access-report',
  title: 'Restricted case access report',
  schema,
  compose: (input) => {
    const denied = input.entries.filter((entry) => entry.outcome === 'denied').length;
    return {
      title: 'Restricted case access report',
      subtitle: 'Every attempt to open or change a restricted case, from the audit log',
      marking: 'OFFICIAL-SENSITIVE',
      handling: 'For the Professional Standards Department. Staff are identified by collar number.',
      subject: `Restricted case access report, case ${input.caseReference}`,
      keywords: ['restricted case', 'access report', 'audit'],
      blocks: [
        {
          kind: 'fields',
          rows: [
            { label: 'Case reference', value: input.caseReference },
            { label: 'Period from', value: formatInstant(input.period.from) },
            { label: 'Period to', value: formatInstant(input.period.to) },
            { label: 'Prepared for', value: input.preparedFor },
            {
              label: 'Attempts',
              value: `${input.entries.length} in the period: ${input.entries.length - denied} allowed, ${denied} denied`,
            },
            {
              label: 'Audit chain',
              value: input.auditChainIntact
                ? 'Intact: every entry links by hash to the one before it.'
                : 'BROKEN: an entry has been altered or removed. Treat this report as incomplete and escalate.',
            },
          ],
        },
        { kind: 'heading', text: '1  Access attempts' },
        {
          kind: 'table',
          columns: [
            { header: 'When', share: 0.17 },
            { header: 'Collar', share: 0.09 },
            { header: 'Rank', share: 0.13 },
            { header: 'Department', share: 0.14 },
            { header: 'Action', share: 0.15 },
            { header: 'Reason given', share: 0.2 },
            { header: 'Outcome', share: 0.12 },
          ],
          rows: input.entries.map((entry) => [
            shortInstant.format(new Date(entry.at)),
            entry.collarNumber,
            rankLabel(entry.rank),
            departmentLabel(entry.department),
            entry.action,
            entry.reason,
            entry.outcome === 'allowed' ? 'Allowed' : 'Denied',
          ]),
          emptyText: 'Nobody opened or changed this case in the period.',
        },
      ],
    };
  },
};
