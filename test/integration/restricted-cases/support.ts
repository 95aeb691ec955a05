import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { fixtureStaff } from '../../../services/restricted-cases/adapters/fixture-directory.ts';
import type { SqsConsumer } from '../../../shared/messaging/consumer.ts';
import type { TestIdentityProvider } from '../../support/staff-tokens.ts';

export { deliver, queueUrl, takeMessage } from '../messaging/queue-driver.ts';

export type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;
export type Consumer = SqsConsumer;

/** Signs in as someone in the staff directory, so the rules see their line manager and commander. */
export const signInAs = async (
  identityProvider: TestIdentityProvider,
  collarNumber: string,
): Promise<Record<string, string>> => {
  const entry = fixtureStaff.find((person) => person.collarNumber === collarNumber);
  if (!entry) throw new Error(`No fixture member of staff ${collarNumber}`);
  const token = await identityProvider.sign({
    sub: `sub-${collarNumber}`,
    name: entry.displayName,
    collarNumber,
    rank: entry.rank,
    department: entry.department,
  });
  return { '__Host-session': token };
};

/** The case id from a redirect to `/staff/restricted-cases/allegations/<id>/recorded` or `/cases/<id>`. */
export const caseIdIn = (response: APIGatewayProxyStructuredResultV2): string => {
  const location = String(response.headers?.Location ?? response.headers?.location ?? '');
  const id = /\/(RC-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})(?:\/|$|#)/.exec(location)?.[1];
  if (!id) throw new Error(`Expected a redirect to a case, got ${response.statusCode} ${location}`);
  return id;
};
