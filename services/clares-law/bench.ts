import { randomBytes } from 'node:crypto';
import { timePage } from '../../bench/support/pages.ts';
import { batchWriteAll } from '../../bench/support/seeding.ts';
import { type MeanLatency, meanLatency } from '../../bench/support/service-figures.ts';
import { dynamoDocumentClient } from '../../shared/aws/clients.ts';
import { englandAndWalesBankHolidays } from '../../shared/calendar/holidays.ts';
import { newJourneyId } from '../../shared/http/journey-session.ts';
import { caseItem } from './adapters/dynamo-case-repository.ts';
import { claresLawConfig } from './config.ts';
import type { RightToAskDetails } from './domain/model.ts';
import { caseReference } from './domain/reference.ts';
import { openOnlineApplication } from './domain/workflow.ts';
import { journeyStore } from './journey-composition.ts';
import { applicationCookie } from './web/application-journey.ts';

/**
 * Bench functions for `npm run bench`. They run against the local stack whose environment is in
 * `process.env` (the runtime's tables and queues), over HTTP to the runtime's site where a page is timed.
 */

export type LatencyFigures = MeanLatency;

const figuresOf = (samples: readonly number[]): LatencyFigures => meanLatency(samples, 1);

/** A complete online application, as the journey keeps it (raw answers, as typed). */
export const benchAnswers = (index: number): Record<string, string | string[]> => ({
  forWhom: 'myself',
  applicantName: `Bench Applicant ${index}`,
  'applicantDob-day': '27',
  'applicantDob-month': '3',
  'applicantDob-year': '1990',
  applicantAddress: '1 Bench Street, AN1 1AA',
  childrenAffected: 'no',
  subjectName: `Bench Subject ${index}`,
  subjectAge: '40',
  subjectRelationship: 'partner',
  howYouKnowThem: 'Partner',
  concernKinds: ['coercive-control'],
  whyAsking: 'Bench application.',
  contactMethods: ['phone'],
  contactPhone: '07700 900982',
  safeTimes: ['weekday-morning'],
  mayLeaveMessage: 'no',
  consentToShare: 'yes',
});

const cookieValue = (response: Response, name: string): string | undefined => {
  for (const line of response.headers.getSetCookie()) {
    if (line.startsWith(`${name}=`))
      return decodeURIComponent(line.slice(name.length + 1).split(';')[0] ?? '');
  }
  return undefined;
};

/**
 * Submit, warm: `POST /clares-law/submit` from a journey already at check your answers (stored directly,
 * untimed), to the 303 to the confirmation page. The case, its identity keys and the unit's notification
 * are written in one transaction and the notification relayed before the answer.
 */
export const benchSubmit = async (siteUrl: string, runs = 100, warmUp = 10): Promise<LatencyFigures> => {
  const page = await fetch(`${siteUrl}/clares-law/apply/in-danger`);
  const csrfCookie = cookieValue(page, '__Host-csrf');
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!csrfCookie || !token) throw new Error('No CSRF cookie and token from the application start');
  const samples: number[] = [];
  for (let run = 0; run < warmUp + runs; run++) {
    const journeyId = newJourneyId();
    await journeyStore().save(
      journeyId,
      { answers: benchAnswers(run), reachedCheckAnswers: true },
      new Date(),
    );
    const started = performance.now();
    const response = await fetch(`${siteUrl}/clares-law/submit`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `__Host-csrf=${encodeURIComponent(csrfCookie)}; ${applicationCookie.name}=${journeyId}`,
      },
      body: new URLSearchParams({ _csrf: token }).toString(),
    });
    await response.arrayBuffer();
    if (response.status !== 303 || response.headers.get('location') !== '/clares-law/confirmation') {
      throw new Error(`POST /clares-law/submit answered ${response.status}`);
    }
    if (run >= warmUp) samples.push(performance.now() - started);
  }
  return figuresOf(samples);
};

const seedDetails = (index: number): RightToAskDetails => ({
  applicant: {
    fullName: `Seed Applicant ${index}`,
    otherNames: [],
    dateOfBirth: '1990-03-27',
    address: '1 Seed Street',
  },
  applicantIsPersonAtRisk: true,
  children: { affected: false },
  subject: {
    fullName: `Seed Subject ${index}`,
    aliases: [],
    approximateAge: 40,
    relationshipToPersonAtRisk: 'partner',
  },
  concerns: { kinds: ['threats'], whyAsking: 'Seeded for the bench.' },
  safeContact: {
    methods: ['phone'],
    phone: '07700 900982',
    safeTimes: ['weekday-morning'],
    unsafeTimes: [],
    mayLeaveMessage: false,
  },
  consentToShare: true,
});

/**
 * Stores `count` open right-to-ask cases, started over the last four weeks (so their clocks spread from
 * overdue to on time), 25 to a BatchWriteItem and `concurrency` batches at a time.
 */
export const seedOpenCases = async (count = 5000, concurrency = 8): Promise<void> => {
  const holidays = englandAndWalesBankHolidays();
  const now = Date.now();
  const items = Array.from({ length: count }, (_, index) =>
    caseItem(
      openOnlineApplication(
        {
          id: caseReference(randomBytes(5)),
          ruleSet: 'dvds-2023',
          details: seedDetails(index),
          patterns: [],
        },
        new Date(now - ((index * 7919) % (28 * 24 * 60)) * 60_000),
      ),
      holidays,
    ),
  );
  await batchWriteAll(dynamoDocumentClient(), claresLawConfig().casesTable, items, concurrency);
};

/**
 * The unit's case list with the cases already stored (seed first with `seedOpenCases`): `requests` warm
 * GETs of `/staff/clares-law`, one at a time, signed in with `sessionCookie` (`__Host-session=<token>`).
 * The page is one Query of the `byNextDue` index (50 cases) and an audit entry, whatever the table holds.
 */
export const benchCaseList = async (
  siteUrl: string,
  sessionCookie: string,
  requests = 200,
  warmUp = 20,
): Promise<LatencyFigures & { readonly bytes: number }> => {
  const { samples, bytes } = await timePage(`${siteUrl}/staff/clares-law`, sessionCookie, {
    warmUp,
    runs: requests,
  });
  return { ...figuresOf(samples), bytes };
};
