import * as z from 'zod';
import type { Principal } from '../../../shared/auth/principal.ts';
import { WrongStageError } from './errors.ts';
import { type ReportRef, StaffRef, staffRef } from './incident-log.ts';
import { type ReportAnswers, ReportAnswersSchema } from './model.ts';
import { type ScreeningResult, ScreeningResultSchema, screenForDomesticAbuse } from './screening.ts';

/**
 * An online report as the force keeps it. Every report lands in the online contact handlers' queue
 * (000 §8.3.1); one where domestic abuse is apparent also becomes an incident log at once.
 */

export const domesticAbuseStates = [
  'not-apparent',
  'flagged-by-screen',
  'marked-by-staff',
  'removed',
] as const;
export type DomesticAbuseState = (typeof domesticAbuseStates)[number];

export const OnlineReport = z.object({
  id: z.uuid(),
  reference: z.string().min(1),
  submittedAt: z.iso.datetime(),
  answers: ReportAnswersSchema,
  screening: ScreeningResultSchema,
  domesticAbuse: z.enum(domesticAbuseStates),
  review: z.object({
    status: z.enum(['awaiting-review', 'reviewed']),
    by: StaffRef.optional(),
    at: z.iso.datetime().optional(),
  }),
  version: z.number().int().nonnegative(),
});
export type OnlineReport = z.infer<typeof OnlineReport>;

export const screeningOf = (answers: ReportAnswers): ScreeningResult =>
  screenForDomesticAbuse({
    incidentDate: answers.incidentDate,
    relationship: answers.suspect?.relationship,
    reporterDateOfBirth: answers.reporter.dateOfBirth,
    suspectDateOfBirth: answers.suspect?.dateOfBirth,
    suspectAgeBand: answers.suspect?.ageBand,
    texts: [
      { field: 'description', text: answers.description },
      { field: 'location', text: answers.location },
    ],
  });

export interface NewReport {
  readonly id: string;
  readonly reference: string;
  readonly answers: ReportAnswers;
  readonly now: Date;
}

/** A submitted report, screened. Domestic abuse found by the screen is recorded as such from the start. */
export const newReport = ({ id, reference, answers, now }: NewReport): OnlineReport => {
  const screening = screeningOf(answers);
  return {
    id,
    reference,
    submittedAt: now.toISOString(),
    answers,
    screening,
    domesticAbuse: screening.apparent ? 'flagged-by-screen' : 'not-apparent',
    review: { status: 'awaiting-review' },
    version: 0,
  };
};

export const isDomesticAbuse = (report: Pick<OnlineReport, 'domesticAbuse'>): boolean =>
  report.domesticAbuse === 'flagged-by-screen' || report.domesticAbuse === 'marked-by-staff';

export const reportRef = (report: OnlineReport): ReportRef => ({
  reportId: report.id,
  reference: report.reference,
  submittedAt: report.submittedAt,
});

/** A contact handler records domestic abuse the screen did not find (000 §8.2). */
export const markReportAsDomesticAbuse = (report: OnlineReport): OnlineReport => {
  if (isDomesticAbuse(report))
    throw new WrongStageError('This report is already recorded as domestic abuse.');
  return { ...report, domesticAbuse: 'marked-by-staff', version: report.version + 1 };
};

export const markReportDomesticAbuseRemoved = (report: OnlineReport): OnlineReport => ({
  ...report,
  domesticAbuse: 'removed',
  version: report.version + 1,
});

/** The contact handler has dealt with the report; it leaves the queue (it is kept, not deleted). */
export const markReviewed = (report: OnlineReport, principal: Principal, now: Date): OnlineReport => {
  if (report.review.status === 'reviewed')
    throw new WrongStageError('This report has already been reviewed.');
  return {
    ...report,
    review: { status: 'reviewed', by: staffRef(principal), at: now.toISOString() },
    version: report.version + 1,
  };
};

/**
 * Queue order: domestic abuse and children at risk first, then the longest waiting. The key sorts as a
 * string, so the queue is one index query.
 */
export const contactQueueSortKey = (report: OnlineReport): string => {
  const urgent = isDomesticAbuse(report) || report.screening.childSafeguarding;
  return `${urgent ? '0' : '1'}#${report.submittedAt}#${report.id}`;
};
