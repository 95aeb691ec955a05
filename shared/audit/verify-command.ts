import { CaseRef, verifyChain } from './chain.ts';
import type { StoredChain } from './dynamo-audit-log.ts';

export const verifyUsage =
  'Usage: npm run audit:verify -- <service> <caseId>   (e.g. npm run audit:verify -- dvpn DVPN-000123)';

/** Exit codes of `npm run audit:verify`. */
export const verifyExitCodes = { intact: 0, broken: 1, unknownCase: 2, failed: 3, usage: 64 } as const;

export interface VerifyCommandResult {
  readonly exitCode: (typeof verifyExitCodes)[keyof typeof verifyExitCodes];
  /** What to print: to stdout when the command ran (whatever it found), to stderr otherwise. */
  readonly output: string;
  readonly stream: 'stdout' | 'stderr';
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** The verify command without its process: arguments and a chain reader in, what to print and exit with out. */
export const verifyCommand = async (
  args: readonly string[],
  readChain: (caseRef: CaseRef) => Promise<StoredChain>,
): Promise<VerifyCommandResult> => {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    return { exitCode: verifyExitCodes.intact, output: verifyUsage, stream: 'stdout' };
  }
  const [service, caseId] = args;
  const caseRef = CaseRef.safeParse({ service, caseId });
  if (args.length !== 2 || !caseRef.success) {
    return { exitCode: verifyExitCodes.usage, output: verifyUsage, stream: 'stderr' };
  }
  const label = `${caseRef.data.service} ${caseRef.data.caseId}`;
  const chain = await readChain(caseRef.data);
  if (chain.entries.length === 0 && chain.head === null) {
    return {
      exitCode: verifyExitCodes.unknownCase,
      output: `No audit entries found for case ${label}: check the service and case id.`,
      stream: 'stderr',
    };
  }
  const verification = verifyChain(chain.entries, { caseRef: caseRef.data, head: chain.head });
  if (verification.ok) {
    return {
      exitCode: verifyExitCodes.intact,
      output: `Chain intact: ${plural(verification.length, 'entry', 'entries')} (case ${label}).`,
      stream: 'stdout',
    };
  }
  return {
    exitCode: verifyExitCodes.broken,
    output: [
      `Chain broken at entry ${verification.brokenAt} (${verification.problem}) (case ${label}).`,
      verification.explanation,
    ].join('\n'),
    stream: 'stdout',
  };
};
