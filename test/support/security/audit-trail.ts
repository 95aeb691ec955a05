import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { AuditEntry, type CaseRef, type ChainVerification } from '../../../shared/audit/chain.ts';
import { auditLogFromEnvironment, auditTableEnvName } from '../../../shared/audit/dynamo-audit-log.ts';
import { dynamoDocumentClient } from '../../../shared/aws/clients.ts';

/**
 * Reads the whole platform audit table (every case's chain, the route-refusal chain included). Only tests do
 * this: the services read a chain by its case, never by scanning.
 */
export const allAuditEntries = async (): Promise<AuditEntry[]> => {
  const tableName = process.env[auditTableEnvName];
  if (!tableName) throw new Error(`${auditTableEnvName} is not set: start the runtime first`);
  const entries: AuditEntry[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await dynamoDocumentClient().send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'begins_with(sk, :entry)',
        ExpressionAttributeValues: { ':entry': 'ENTRY#' },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of page.Items ?? []) {
      const { pk: _pk, sk: _sk, ...rest } = item;
      entries.push(AuditEntry.parse(rest));
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return entries;
};

/** Entries by the correlation id of the request that caused them. */
export const entriesByCorrelation = (entries: readonly AuditEntry[]): Map<string, AuditEntry[]> => {
  const byCorrelation = new Map<string, AuditEntry[]>();
  for (const entry of entries) {
    byCorrelation.set(entry.correlationId, [...(byCorrelation.get(entry.correlationId) ?? []), entry]);
  }
  return byCorrelation;
};

/** Every chain the table holds. */
export const caseRefsOf = (entries: readonly AuditEntry[]): CaseRef[] => {
  const seen = new Map<string, CaseRef>();
  for (const entry of entries) seen.set(`${entry.caseRef.service}#${entry.caseRef.caseId}`, entry.caseRef);
  return [...seen.values()];
};

/** Walks every chain with the audit log's own verifier; returns the chains that are not intact. */
export const brokenChains = async (
  caseRefs: readonly CaseRef[],
): Promise<{ caseRef: CaseRef; verification: ChainVerification }[]> => {
  const log = auditLogFromEnvironment();
  const broken: { caseRef: CaseRef; verification: ChainVerification }[] = [];
  for (const caseRef of caseRefs) {
    const verification = await log.verify(caseRef);
    if (!verification.ok) broken.push({ caseRef, verification });
  }
  return broken;
};
