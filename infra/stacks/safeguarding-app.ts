import type { App } from 'aws-cdk-lib';
import type { ServiceManifest } from '../../shared/manifest/define-service.ts';
import type { AppConfig } from './config.ts';
import { DataStack } from './data-stack.ts';
import { EdgeStack } from './edge-stack.ts';
import { ServicesStack } from './services-stack.ts';

export interface SafeguardingStacks {
  readonly data: DataStack;
  readonly edge: EdgeStack;
  readonly services: ServicesStack;
}

export interface SafeguardingAppOptions {
  readonly config: AppConfig;
  readonly manifests: readonly ServiceManifest[];
  /** Repository root: handler entries and static assets are found from here. */
  readonly root: string;
}

/** The stack names of an environment, e.g. `Safeguarding-dev-Data`. */
export const stackNames = (envName: string) => ({
  data: `Safeguarding-${envName}-Data`,
  edge: `Safeguarding-${envName}-Edge`,
  services: `Safeguarding-${envName}-Services`,
});

/**
 * One environment: the stateful data stack, the WAF in us-east-1, and the services built from the
 * manifests. Stacks reference each other's constructs directly; CDK turns that into stack outputs.
 */
export const addSafeguardingStacks = (app: App, options: SafeguardingAppOptions): SafeguardingStacks => {
  const { config, manifests, root } = options;
  const names = stackNames(config.envName);
  const tags = { application: 'da-safeguarding', environment: config.envName };
  const env = { account: config.account, region: config.region };

  const data = new DataStack(app, names.data, {
    env,
    config,
    manifests,
    tags,
    terminationProtection: true,
    description:
      'Safeguarding: tables, buckets, keys and the staff user pool (retained, deletion-protected).',
  });
  const edge = new EdgeStack(app, names.edge, {
    env: { account: config.account, region: 'us-east-1' },
    crossRegionReferences: true,
    config,
    tags,
    description:
      'Safeguarding: the WAF web ACL in front of CloudFront (CLOUDFRONT scope lives in us-east-1).',
  });
  const services = new ServicesStack(app, names.services, {
    env,
    crossRegionReferences: true,
    config,
    manifests,
    data,
    webAclArn: edge.webAcl.attrArn,
    root,
    tags,
    description:
      'Safeguarding: functions, queues, API, CloudFront and alarms, built from the service manifests.',
  });
  services.addStackDependency(data);
  services.addStackDependency(edge);
  return { data, edge, services };
};
