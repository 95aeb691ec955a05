import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaseRef } from '../../../shared/audit/chain.ts';
import {
  auditLogFromEnvironment,
  auditTableEnvName,
  casePartitionKey,
  entrySortKey,
} from '../../../shared/audit/dynamo-audit-log.ts';
import { dynamoDocumentClient } from '../../../shared/aws/clients.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';

const environment = useLocalEnvironment();

const root = resolve(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const cli = join(root, 'shared/audit/cli.ts');
const run = promisify(execFile);

/** The parent's environment without the local stack's variables, on the same Node as this test. */
const bareEnvironment = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}` };
  for (const name of Object.keys(environment)) delete env[name];
  return env;
};

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const verifyCli = async (
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string },
): Promise<CliResult> => {
  try {
    const { stdout, stderr } = await run(tsx, [cli, ...args], { cwd: options.cwd ?? root, env: options.env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
};

const withLocalStack = (): NodeJS.ProcessEnv => ({ ...bareEnvironment(), ...environment });

const auditedCase = async (entries: number): Promise<CaseRef> => {
  const caseRef: CaseRef = { service: 'clares-law', caseId: `CL-${randomUUID()}` };
  const log = auditLogFromEnvironment();
  for (let n = 1; n <= entries; n += 1) {
    await log.record({
      caseRef,
      actor: { collarNumber: `PC${n}`, rank: 'constable', department: 'PPU' },
      action: 'view-case',
      outcome: 'allowed',
      at: new Date(Date.UTC(2025, 4, 1, 10, n)).toISOString(),
      correlationId: `req-${n}`,
    });
  }
  return caseRef;
};

const scratch: string[] = [];
afterAll(() => {
  for (const directory of scratch) rmSync(directory, { recursive: true, force: true });
});

describe('Audit: npm run audit:verify against the local stack', () => {
  it('Audit: reports an intact chain with its length and exits 0', async () => {
    const caseRef = await auditedCase(3);

    const result = await verifyCli([caseRef.service, caseRef.caseId], { env: withLocalStack() });

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Chain intact: 3 entries/);
  });

  it('Audit: reports the first broken link after an entry is altered in the table, and exits 1', async () => {
    const caseRef = await auditedCase(3);
    await dynamoDocumentClient().send(
      new UpdateCommand({
        TableName: environment[auditTableEnvName],
        Key: { pk: casePartitionKey(caseRef), sk: entrySortKey(2) },
        UpdateExpression: 'SET #action = :action',
        ExpressionAttributeNames: { '#action': 'action' },
        ExpressionAttributeValues: { ':action': 'view-summary' },
      }),
    );

    const result = await verifyCli([caseRef.service, caseRef.caseId], { env: withLocalStack() });

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Chain broken at entry 2 \(edited\)/);
  });

  it('Audit: says plainly that a case has no entries, and exits 2', async () => {
    const result = await verifyCli(['clares-law', `CL-${randomUUID()}`], { env: withLocalStack() });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No audit entries found for case clares-law');
  });

  it('Audit: finds the running local stack through .local/environment.json when no endpoint is set', async () => {
    const caseRef = await auditedCase(2);
    const directory = mkdtempSync(join(tmpdir(), 'audit-verify-'));
    scratch.push(directory);
    mkdirSync(join(directory, '.local'));
    writeFileSync(join(directory, '.local', 'environment.json'), JSON.stringify(environment));

    const result = await verifyCli([caseRef.service, caseRef.caseId], {
      env: bareEnvironment(),
      cwd: directory,
    });

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Chain intact: 2 entries/);
  });
});
