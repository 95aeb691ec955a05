import { randomUUID } from 'node:crypto';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { StaffNotificationRequested } from '../../../shared/contracts/staff-notification.ts';
import type { Browser } from './browser.ts';
import { postJson, type SiteResponse, send, sessionCookies } from './site-client.ts';

/**
 * The journeys the reliability and privacy suites drive through the running site, as people use it. Names,
 * dates of birth, phone numbers and addresses are invented; `personalDataOf` lists them so the suites can look
 * for them where they must never be.
 */

export interface Person {
  readonly fullName: string;
  readonly dateOfBirth: readonly [day: string, month: string, year: string];
  readonly phone: string;
  readonly address: string;
}

/** A person with a name and details nobody else in the run has. */
export const inventedPerson = (index: number): Person => {
  const tag = randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 6)
    .padEnd(6, 'q');
  return {
    fullName: `Morwenna ${tag[0]?.toUpperCase()}${tag.slice(1)}ley`,
    dateOfBirth: [String(1 + (index % 27)), String(1 + (index % 12)), String(1961 + (index % 30))],
    phone: `07700 9${String(10_000 + index).slice(-5)}`,
    address: `${12 + index} Quillfeather Lane, Ashbury, AS${1 + (index % 9)} ${index % 10}QZ`,
  };
};

/** The ways a person's details could be written down: as typed, and as a system would normalise them. */
export const personalDataOf = (person: Person): string[] => {
  const [day, month, year] = person.dateOfBirth;
  return [
    person.fullName,
    person.fullName.toLowerCase(),
    person.fullName.split(' ')[1] ?? person.fullName,
    `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`,
    person.phone,
    person.phone.replace(/\s/g, ''),
    person.address,
    person.address.split(',')[0] ?? person.address,
  ];
};

export interface OnlineReportOutcome {
  /** The reference on the confirmation page: what the person was told was received. */
  readonly reference: string | undefined;
  readonly finalStatus: number;
}

/**
 * The public online report (services/online-report) from the first question to the confirmation page, about
 * messages from an ex-partner, so the report is recorded as domestic abuse and becomes an incident log.
 */
export const reportOnline = async (browser: Browser, person: Person): Promise<OnlineReportOutcome> => {
  await browser.answer('/report/in-danger', { inDanger: 'no' });
  await browser.answer('/report/happening-now', { happeningNow: 'no' });
  await browser.answer('/report/suspect-present', { suspectPresent: 'no' });
  await browser.answer('/report/anyone-injured', { anyoneInjured: 'no' });
  await browser.answer('/report/what-happened', { category: 'nuisance-communications' });
  await browser.answer('/report/when', {
    'incidentDate-day': '20',
    'incidentDate-month': '3',
    'incidentDate-year': '2026',
  });
  await browser.answer('/report/where', { location: person.address });
  await browser.answer('/report/description', {
    description: `My ex keeps sending messages to ${person.phone} and waits outside ${person.address}.`,
  });
  await browser.answer('/report/suspect-known', { suspectKnown: 'yes' });
  const details = await browser.answer('/report/suspect-details', {
    suspectName: 'Jordan Example',
    'suspectDateOfBirth-day': '',
    'suspectDateOfBirth-month': '',
    'suspectDateOfBirth-year': '',
  });
  if (details.headers.get('location') === '/report/suspect-age')
    await browser.answer('/report/suspect-age', { suspectAge: '18-or-over' });
  await browser.answer('/report/relationship', { relationship: 'ex-partner' });
  await browser.answer('/report/your-name', { fullName: person.fullName });
  const [day, month, year] = person.dateOfBirth;
  await browser.answer('/report/your-date-of-birth', {
    'dateOfBirth-day': day,
    'dateOfBirth-month': month,
    'dateOfBirth-year': year,
  });
  await browser.answer('/report/contact-methods', { contactMethods: ['phone'], phone: person.phone });
  await browser.answer('/report/safe-times', { safeTimes: 'any-time' });
  await browser.answer('/report/messages', { messagesAllowed: 'no' });
  await browser.answer('/report/safe-word', { safeWord: '' });
  await browser.get('/report/check-your-answers');
  const submitted = await browser.post('/report/check-your-answers', {});
  if (submitted.status !== 303) return { reference: undefined, finalStatus: submitted.status };
  const confirmation = await browser.get(submitted.headers.get('location') ?? '/report/confirmation');
  const reference = /<strong>([^<]+)<\/strong>/.exec(confirmation.body)?.[1]?.trim();
  return { reference, finalStatus: confirmation.status };
};

/** A staff notification as a service sends it (to one person by collar number). */
export const staffNotification = (collarNumber: string, index: number): StaffNotificationRequested =>
  StaffNotificationRequested.parse({
    type: 'staff-notification-requested',
    version: 1,
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    correlationId: `fault-run-${index}`,
    data: {
      audience: { kind: 'person', collarNumber },
      title: `Case FR-${String(index).padStart(5, '0')} needs a look`,
      link: `/staff/notifications`,
      priority: index % 3 === 0 ? 'urgent' : 'routine',
      requiresAcknowledgement: index % 5 === 0,
      source: { service: 'fault-run', caseId: `FR-${index}` },
    },
  });

export interface DvpnNoticeOutcome {
  readonly caseId: string | undefined;
  /** The API's answers to draft, submit and authorise, in order. */
  readonly statuses: readonly number[];
}

/**
 * A DVPN through its API (services/dvpn): a constable drafts and submits it, a superintendent authorises it,
 * which asks the documents service for the signed notice. Each call is tried again on a 5xx.
 */
export const draftAndAuthoriseNotice = async (
  runtime: LocalRuntime,
  tokens: { readonly constable: string; readonly superintendent: string },
  draft: unknown,
): Promise<DvpnNoticeOutcome> => {
  const retrying = async (call: () => Promise<SiteResponse>): Promise<SiteResponse> => {
    let response = await call();
    for (let attempt = 0; attempt < 8 && response.status >= 500; attempt += 1) response = await call();
    return response;
  };
  const created = await retrying(() => postJson(runtime, '/api/dvpn', draft, tokens.constable));
  const caseId =
    created.status === 201 ? (JSON.parse(created.body) as { case: { id: string } }).case.id : undefined;
  if (!caseId) return { caseId, statuses: [created.status] };
  const submitted = await retrying(() =>
    postJson(runtime, `/api/dvpn/${caseId}/submit`, {}, tokens.constable),
  );
  const authorised = await retrying(() =>
    postJson(
      runtime,
      `/api/dvpn/${caseId}/decision`,
      {
        decision: 'authorise',
        affirmed: [
          'childWelfare',
          'protectedPersonOpinion',
          'recipientRepresentations',
          'reasonableStepsTaken',
          'otherOccupantsOpinion',
        ],
        reasonableGrounds: 'Injury seen by attending officers; threats repeated on arrest.',
      },
      tokens.superintendent,
    ),
  );
  return { caseId, statuses: [created.status, submitted.status, authorised.status] };
};

/** The case as the API shows it, or undefined. */
export const dvpnCase = async (runtime: LocalRuntime, token: string, caseId: string): Promise<unknown> => {
  const response = await send(runtime, {
    method: 'GET',
    path: `/api/dvpn/${caseId}`,
    cookies: sessionCookies(token),
    headers: { accept: 'application/json' },
  });
  return response.status === 200 ? JSON.parse(response.body) : undefined;
};
