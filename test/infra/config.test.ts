import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { AppContextError, readAppConfig } from '../../infra/stacks/config.ts';
import { stackNames } from '../../infra/stacks/safeguarding-app.ts';

const outdir = mkdtempSync(join(tmpdir(), 'safeguarding-config-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** An app that is never synthesized; it only carries context. */
const appWith = (context: Record<string, string> = {}): App => new App({ outdir, context });

describe('deployment configuration from CDK context', () => {
  it("defaults to the 'dev' environment in London", () => {
    const config = readAppConfig(appWith());

    expect(config).toMatchObject({
      envName: 'dev',
      region: 'eu-west-2',
      authDomainPrefix: 'da-safeguarding-dev',
    });
    expect(config.customDomain).toBeUndefined();
  });

  it('names the stacks after the environment', () => {
    const config = readAppConfig(appWith({ env: 'prod' }));

    expect(stackNames(config.envName)).toEqual({
      data: 'Safeguarding-prod-Data',
      edge: 'Safeguarding-prod-Edge',
      services: 'Safeguarding-prod-Services',
    });
  });

  it('refuses an environment name that cannot be part of resource names', () => {
    expect(() => readAppConfig(appWith({ env: 'Prod_1' }))).toThrow(AppContextError);
  });

  it('refuses a custom domain without its certificate', () => {
    expect(() => readAppConfig(appWith({ domainName: 'report.example.police.uk' }))).toThrow(
      /domainName and certificateArn go together/,
    );
  });
});
