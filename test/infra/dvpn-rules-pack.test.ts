import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { AppContextError, readAppConfig } from '../../infra/stacks/config.ts';
import { dvpn } from '../../services/dvpn/manifest.ts';
import { notifications } from '../../services/notifications/manifest.ts';
import { defineService } from '../../shared/manifest/define-service.ts';
import { platform } from '../../shared/platform/manifest.ts';
import { removeSyntheses, resourcesOfType, synthesize } from './synth.ts';

const outdir = mkdtempSync(join(tmpdir(), 'safeguarding-rules-pack-'));
afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
  removeSyntheses();
});

/** The queue dvpn sends document requests to, without the documents service's own functions and key. */
const documentQueue = defineService({ name: 'document-queue', queues: { 'document-requests': {} } });
const manifests = [platform, notifications, documentQueue, dvpn];

/** Each function built from a manifest (described `<service>: <handler>`), with its environment. */
const functionEnvironments = (context: Record<string, string>) =>
  synthesize(manifests, context).serviceTemplates.flatMap((template) =>
    resourcesOfType(template, 'AWS::Lambda::Function')
      .map(
        ([, props]) =>
          props as { Description?: string; Environment?: { Variables: Record<string, unknown> } },
      )
      .filter((props) => /^[a-z-]+: [a-z-]+$/.test(props.Description ?? ''))
      .map((props) => ({
        service: (props.Description ?? '').split(':')[0],
        variables: props.Environment?.Variables ?? {},
      })),
  );

describe('the dvpn rules pack from CDK context (services/dvpn README "Rules packs")', () => {
  it("-c dvpnRulesPack=dapn sets DVPN_RULES_PACK=dapn on every dvpn function and on no other service's", () => {
    const functions = functionEnvironments({ dvpnRulesPack: 'dapn' });

    const dvpnFunctions = functions.filter((fn) => fn.service === 'dvpn');
    expect(dvpnFunctions.length).toBeGreaterThan(10);
    expect(dvpnFunctions.every((fn) => fn.variables.DVPN_RULES_PACK === 'dapn')).toBe(true);
    expect(functions.filter((fn) => fn.service !== 'dvpn' && 'DVPN_RULES_PACK' in fn.variables)).toEqual([]);
  });

  it('without the context key the dvpn functions run the CSA 2010 pack', () => {
    const functions = functionEnvironments({});

    const packs = new Set(
      functions.filter((fn) => fn.service === 'dvpn').map((fn) => fn.variables.DVPN_RULES_PACK),
    );
    expect([...packs]).toEqual(['dvpn']);
  });

  it('an unknown pack fails the synth, naming the key', () => {
    const app = new App({ outdir, context: { dvpnRulesPack: 'dvpo' } });

    expect(() => readAppConfig(app)).toThrow(AppContextError);
    expect(() => readAppConfig(app)).toThrow(/dvpnRulesPack/);
  });
});
