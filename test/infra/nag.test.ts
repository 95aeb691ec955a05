import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type IPolicyValidationPlugin, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { NagPack } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyNagPacks, nagPacks } from '../../infra/constructs/nag.ts';
import { services } from '../../services/index.ts';
import { fixtureManifests } from './fixture-manifests.ts';
import {
  removeSyntheses,
  resourcesOfType,
  type Synthesized,
  synthesize,
  unacknowledgedFindings,
} from './synth.ts';

interface Acknowledgement {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

const acknowledgementsIn = (root: IConstruct): Acknowledgement[] =>
  root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );

/** What the packs would report if nothing were acknowledged (cdk-nag's acknowledgement check switched off). */
const rawFindings = (app: App): { rule: string; path: string }[] =>
  nagPacks().flatMap((plugin: IPolicyValidationPlugin) => {
    // A test-only peek behind a private method: acknowledgements are checked against these raw findings.
    Object.assign(plugin, { isAcknowledged: () => false });
    return (plugin as NagPack).validateScope(app).violations.flatMap((violation) =>
      violation.violatingResources.map((resource) => ({
        rule: violation.ruleName,
        path: resource.constructPath ?? '',
      })),
    );
  });

describe('cdk-nag: AwsSolutions, Serverless and NIST 800-53 R5 on synth', () => {
  let fixture: Synthesized;
  let registry: Synthesized;
  beforeAll(() => {
    fixture = synthesize(fixtureManifests);
    registry = synthesize(services);
  });
  afterAll(removeSyntheses);

  it('every manifest feature synthesizes with no unacknowledged finding', () => {
    expect(unacknowledgedFindings(fixture.app)).toEqual([]);
  });

  it('the product as registered (services/index.ts) synthesizes with no unacknowledged finding', () => {
    expect(unacknowledgedFindings(registry.app)).toEqual([]);
  });

  it('the product as registered has an API route for every manifest route', () => {
    const routeKeys = registry.serviceTemplates.flatMap((template) =>
      resourcesOfType(template, 'AWS::ApiGatewayV2::Route').map(([, route]) => route.RouteKey),
    );

    expect(routeKeys.sort()).toEqual(
      services.flatMap((manifest) => manifest.routes.map((route) => `${route.method} ${route.path}`)).sort(),
    );
  });

  it('every acknowledgement states a specific reason', () => {
    const acknowledgements = acknowledgementsIn(fixture.app);

    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const acknowledgement of acknowledgements) {
      expect(
        acknowledgement.reason.length,
        `${acknowledgement.id} at ${acknowledgement.path}`,
      ).toBeGreaterThan(40);
    }
  });

  it('every acknowledgement answers a finding that is really there (none is stale or blanket)', () => {
    const findings = rawFindings(fixture.app);
    const unused = acknowledgementsIn(fixture.app).filter(
      (acknowledgement) =>
        !findings.some(
          (finding) =>
            finding.rule === acknowledgement.id &&
            (finding.path === acknowledgement.path || finding.path.startsWith(`${acknowledgement.path}/`)),
        ),
    );

    expect(unused.map((acknowledgement) => `${acknowledgement.id} at ${acknowledgement.path}`)).toEqual([]);
  });

  it('an unacknowledged error stops synth', () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'safeguarding-careless-')) });
    const stack = new Stack(app, 'Careless');
    new s3.Bucket(stack, 'Unlogged');
    applyNagPacks(app);

    try {
      expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
    } finally {
      rmSync(app.outdir, { recursive: true, force: true });
    }
  });
});
