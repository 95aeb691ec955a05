import { randomBytes } from 'node:crypto';
import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { demoStaffMember } from '../../../infra/local/demo-staff.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { AccessAlert } from '../../../services/restricted-cases/domain/alerts.ts';
import { caseIdFrom } from '../../../services/restricted-cases/domain/ids.ts';
import { dynamoDocumentClient } from '../../../shared/aws/clients.ts';
import { Browser } from './browser.ts';
import { send, sessionCookies } from './site-client.ts';

/**
 * Looks at restricted cases (services/restricted-cases) through the running site, as staff do: allegations
 * against a serving officer recorded by an inspector and restricted by a chief inspector, then opened by people
 * on the need-to-know list and by people who are not. Every look is audited, then alerted to PSD.
 */

/** The officer the allegations name (PC Sam Taylor in the demo directory). */
export const suspectCollarNumber = demoStaffMember('constable').collarNumber;

/**
 * Who looks, and what the rules answer on a restricted allegation against the constable: the PPU supervisor
 * investigates it (on the list as the domestic abuse supervisor), PSD is on every list; the suspect, their line
 * managers (barred as conflicted) and everyone else are refused. A reference that names no case is refused to all.
 */
export const lookers: readonly { readonly id: string; readonly onTheList: boolean }[] = [
  { id: 'sergeant', onTheList: false },
  { id: 'ppu-sergeant', onTheList: true },
  { id: 'constable', onTheList: false },
  { id: 'psd-investigator', onTheList: true },
  { id: 'contact-handler', onTheList: false },
  { id: 'duty-inspector', onTheList: false },
  { id: 'psd-head', onTheList: true },
  { id: 'ppu-officer', onTheList: false },
  { id: 'superintendent', onTheList: false },
];

export interface AccessAttempt {
  readonly who: string;
  readonly collarNumber: string;
  readonly reference: string;
  /** What the rules should answer: 200 for someone on the list, 404 ("not found") for anyone else. */
  readonly expectedStatus: 200 | 404;
  readonly status: number;
  readonly correlationId: string;
}

const casePath = (reference: string) => `/staff/restricted-cases/cases/${reference}`;

/**
 * An allegation of domestic abuse against the constable, recorded by the inspector, then restricted by the
 * chief inspector from the case page; the case reference, or undefined when either step did not go through.
 */
export const recordRestrictedAllegation = async (
  runtime: LocalRuntime,
  tokens: { readonly inspector: string; readonly chiefInspector: string },
  index: number,
): Promise<string | undefined> => {
  const inspector = new Browser(runtime).signIn(tokens.inspector);
  const recorded = await inspector.answer('/staff/restricted-cases/allegations/new', {
    suspectCollarNumber,
    victimDescription: 'The suspect’s partner',
    summary: 'Pushed against a wall at home after an argument',
    receivedAs: 'victim-report',
    criminal: 'yes',
    crimeNumber: `20/${(Date.now() + index) % 100_000}/26`,
    callLogRefs: `LOG-${2000 + index}`,
    urgentSafeguarding: 'no',
  });
  const caseId = /\/(RC-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})(?:\/|$)/.exec(
    recorded.headers.get('location') ?? '',
  )?.[1];
  if (!caseId) return undefined;
  const chiefInspector = new Browser(runtime).signIn(tokens.chiefInspector);
  await chiefInspector.get(casePath(caseId));
  const restricted = await chiefInspector.post(`${casePath(caseId)}/restriction`, {
    restrictionOperation: 'restrict',
    restrictionReason: 'The suspect is a serving officer',
    restrictionCrimeNumber: '',
    restrictionCallLogRefs: `LOG-${2000 + index}`,
  });
  return restricted.status === 303 ? caseId : undefined;
};

/** A well-formed case reference that names no case: someone guessing. */
export const guessedReference = (): string => caseIdFrom(randomBytes(8));

/**
 * Opens the case page as `who`, and again while the site answers 5xx (as a person presses reload): each request
 * is an attempt of its own, audited and alerted on its own, so each is kept.
 */
export const openUntilAnswered = async (
  runtime: () => LocalRuntime,
  look: { readonly who: string; readonly reference: string; readonly expectedStatus: 200 | 404 },
  keep: (attempt: AccessAttempt) => void,
  retries = 8,
): Promise<AccessAttempt> => {
  for (let attempt = 0; ; attempt += 1) {
    const site = runtime();
    const response = await send(site, {
      method: 'GET',
      path: casePath(look.reference),
      cookies: sessionCookies(await site.identityProvider.mintToken(look.who)),
    });
    const kept: AccessAttempt = {
      ...look,
      collarNumber: demoStaffMember(look.who).collarNumber,
      status: response.status,
      correlationId: response.headers.get('x-correlation-id') ?? '',
    };
    keep(kept);
    if (response.status < 500 || attempt >= retries) return kept;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** PSD's alerts inbox, every alert in it (the service reads it newest first; a test reads it all). */
export const storedAccessAlerts = async (tableName: string): Promise<AccessAlert[]> => {
  const alerts: AccessAlert[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: QueryCommandOutput = await dynamoDocumentClient().send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'ALERTS' },
        ConsistentRead: true,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of page.Items ?? []) alerts.push(AccessAlert.parse(item.record));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return alerts;
};
