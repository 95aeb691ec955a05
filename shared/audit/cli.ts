import { MissingConfigurationError } from '../config/env.ts';
import { loadLocalEnvironment } from '../config/local-environment.ts';
import { auditLogFromEnvironment } from './dynamo-audit-log.ts';
import { verifyCommand, verifyExitCodes } from './verify-command.ts';

/**
 * `npm run audit:verify -- <service> <caseId>`: walks one case's audit chain and reports the first broken
 * link. Exit 0 intact, 1 broken, 2 unknown case, 3 could not read the log, 64 wrong arguments.
 */
const main = async (): Promise<number> => {
  try {
    loadLocalEnvironment();
    const result = await verifyCommand(process.argv.slice(2), (caseRef) =>
      auditLogFromEnvironment().read(caseRef),
    );
    (result.stream === 'stdout' ? process.stdout : process.stderr).write(`${result.output}\n`);
    return result.exitCode;
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
    const hint =
      error instanceof MissingConfigurationError
        ? ' Start the local stack with npm start, or set the table name and AWS credentials.'
        : '';
    process.stderr.write(`The audit log could not be read. ${reason}${hint}\n`);
    return verifyExitCodes.failed;
  }
};

process.exitCode = await main();
