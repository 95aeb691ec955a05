import {
  configuredSigner,
  documentRegister,
  registerTableEnv,
  signingConfig,
} from '../adapters/composition.ts';
import { certificateFingerprint } from '../domain/signing/certificate.ts';
import { useLocalDefaults } from './local-defaults.ts';
import { verifyCommand } from './verify-command.ts';

/**
 * `npm run verify-pdf -- <file.pdf>`. Finds the running local stack through `.local/environment.json`, or
 * AWS through the usual variables; without a register it still checks the signature and says what it
 * could not check.
 */
const main = async (): Promise<number> => {
  useLocalDefaults();
  const result = await verifyCommand(process.argv.slice(2), async () => {
    const signer = await configuredSigner();
    return {
      forceName: signingConfig().FORCE_NAME,
      currentFingerprint: certificateFingerprint(await signer.certificate()),
      ...(process.env[registerTableEnv] ? { register: documentRegister() } : {}),
    };
  });
  (result.exitCode === 0 || result.exitCode === 1 || result.exitCode === 2
    ? process.stdout
    : process.stderr
  ).write(`${result.output}\n`);
  return result.exitCode;
};

process.exitCode = await main();
