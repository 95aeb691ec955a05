import { readFile } from 'node:fs/promises';
import type { VerificationReport } from '../domain/verification/judge.ts';
import { type VerificationDependencies, verifyPdf } from '../domain/verification/verify-document.ts';

export const verifyExitCodes = {
  genuine: 0,
  notGenuine: 1,
  incomplete: 2,
  unreadable: 66,
  usage: 64,
} as const;

export interface CommandResult {
  readonly exitCode: number;
  readonly output: string;
}

const marks = { passed: '✓', failed: '✗', 'not-checked': '–' } as const;

const verdictLines = {
  genuine: 'GENUINE',
  'not-genuine': 'NOT GENUINE',
  incomplete: 'NOT FULLY CHECKED',
} as const;

/** The report as the terminal shows it: the verdict, then each check with its answer in plain words. */
export const formatReport = (path: string, report: VerificationReport): string =>
  [
    `${path}: ${verdictLines[report.verdict]}`,
    report.summary,
    '',
    ...report.checks.flatMap((check) => [
      `  ${marks[check.status]} ${check.question}`,
      `      ${check.explanation}`,
    ]),
  ].join('\n');

/**
 * `verify-pdf <file.pdf>`: checks the file's signature and, when the register can be reached, that it is
 * the document the force issued and not revoked. Exit 0 genuine, 1 not genuine, 2 not fully checked,
 * 66 file unreadable, 64 wrong arguments.
 */
export const verifyCommand = async (
  args: readonly string[],
  dependencies: () => Promise<VerificationDependencies>,
): Promise<CommandResult> => {
  const [path, ...rest] = args;
  if (!path || rest.length > 0 || path.startsWith('-')) {
    return { exitCode: verifyExitCodes.usage, output: 'Usage: npm run verify-pdf -- <file.pdf>' };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return { exitCode: verifyExitCodes.unreadable, output: `${path} could not be read (${code}).` };
  }
  const report = await verifyPdf(bytes, await dependencies());
  const exitCode =
    report.verdict === 'genuine'
      ? verifyExitCodes.genuine
      : report.verdict === 'not-genuine'
        ? verifyExitCodes.notGenuine
        : verifyExitCodes.incomplete;
  return { exitCode, output: formatReport(path, report) };
};
