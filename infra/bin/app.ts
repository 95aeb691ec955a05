import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { services } from '../../services/index.ts';
import { applyNagPacks } from '../constructs/nag.ts';
import { AppContextError, readAppConfig } from '../stacks/config.ts';
import { ManifestError, MissingHandlerError } from '../stacks/manifest-checks.ts';
import { addSafeguardingStacks } from '../stacks/safeguarding-app.ts';

const app = new App();
try {
  addSafeguardingStacks(app, {
    config: readAppConfig(app),
    manifests: services,
    root: fileURLToPath(new URL('../..', import.meta.url)),
  });
} catch (error) {
  // These name what to fix; a stack trace would only bury it.
  if (
    error instanceof AppContextError ||
    error instanceof ManifestError ||
    error instanceof MissingHandlerError
  ) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
// Every finding of AwsSolutions, Serverless and NIST 800-53 R5 not acknowledged next to its resource fails synth.
applyNagPacks(app);
app.synth();
