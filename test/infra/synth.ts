import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, type IPolicyValidationPlugin, type PolicyViolation } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { NagPack } from 'cdk-nag';
import { nagPacks } from '../../infra/constructs/nag.ts';
import { readAppConfig } from '../../infra/stacks/config.ts';
import { addSafeguardingStacks, type SafeguardingStacks } from '../../infra/stacks/safeguarding-app.ts';
import type { ServiceManifest } from '../../shared/manifest/define-service.ts';

export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

const cdkJson = JSON.parse(readFileSync(join(repositoryRoot, 'cdk.json'), 'utf8')) as {
  context: Record<string, unknown>;
};

export interface Synthesized {
  readonly app: App;
  readonly stacks: SafeguardingStacks;
  readonly data: Template;
  readonly edge: Template;
  /** The services stack itself: queues, API, CloudFront, alarms. */
  readonly services: Template;
  /** Each service's nested stack (functions, routes, consumers, schedules), by manifest name. */
  readonly service: (name: string) => Template;
  readonly serviceTemplates: readonly Template[];
}

const outputs: string[] = [];

/** Removes the cloud assemblies this file synthesized (each holds ~25 MB of staged assets). */
export const removeSyntheses = (): void => {
  for (const directory of outputs.splice(0)) rmSync(directory, { recursive: true, force: true });
};

/**
 * The app as `cdk synth` builds it (cdk.json's feature flags, the same stacks) but with bundling skipped,
 * so no handler is bundled and handler files need not exist: seconds, not minutes.
 */
export const synthesize = (
  manifests: readonly ServiceManifest[],
  context: Record<string, unknown> = {},
): Synthesized => {
  const outdir = mkdtempSync(join(tmpdir(), 'safeguarding-cdk-'));
  outputs.push(outdir);
  const app = new App({
    outdir,
    context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], ...context },
  });
  const stacks = addSafeguardingStacks(app, { config: readAppConfig(app), manifests, root: repositoryRoot });
  const services = Template.fromStack(stacks.services);
  const nested = new Map(
    stacks.services.services.map((stack) => [stack.manifest.name, Template.fromStack(stack)]),
  );
  return {
    app,
    stacks,
    data: Template.fromStack(stacks.data),
    edge: Template.fromStack(stacks.edge),
    services,
    service: (name) => {
      const template = nested.get(name);
      if (!template) throw new Error(`No nested stack for service ${name}`);
      return template;
    },
    serviceTemplates: [...nested.values()],
  };
};

/** Every finding the synth-time rule packs report that no acknowledgement covers. */
export const unacknowledgedFindings = (app: App): string[] =>
  nagPacks().flatMap((plugin: IPolicyValidationPlugin) =>
    (plugin as NagPack)
      .validateScope(app)
      .violations.flatMap((violation: PolicyViolation) =>
        violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`),
      ),
  );

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

export const resourcesOfType = (template: Template, type: string): [string, Record<string, unknown>][] =>
  Object.entries(template.findResources(type) as Resources).map(([id, resource]) => [
    id,
    resource.Properties ?? {},
  ]);

/** The properties of the one resource of `type` whose logical id passes `match` (any, when omitted). */
export const propertiesOf = (
  template: Template,
  type: string,
  match: (logicalId: string, properties: Record<string, unknown>) => boolean = () => true,
): Record<string, unknown> => {
  const found = resourcesOfType(template, type).filter(([id, properties]) => match(id, properties));
  if (found.length !== 1) throw new Error(`Expected one ${type}, found ${found.length}`);
  return (found[0] as [string, Record<string, unknown>])[1];
};

/** Policy statements as the template holds them. */
export interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource?: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
  readonly Principal?: unknown;
  readonly Sid?: string;
}

export const actionsOf = (statement: Statement): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

export const statementsOf = (document: unknown): Statement[] =>
  ((document as { Statement?: Statement[] } | undefined)?.Statement ?? []) as Statement[];
