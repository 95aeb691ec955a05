import * as z from 'zod';
import { readConfig } from '../../shared/config/env.ts';
import { type RulesPack, rulesPackIds, rulesPacks } from './domain/rules-packs.ts';

/** The environment variable that chooses the notice rules: `dvpn` (CSA 2010, the default) or `dapn` (DAA 2021 pilot). */
export const rulesPackVariable = 'DVPN_RULES_PACK';

/** The queue the documents service answers this service on. */
export const documentRepliesQueue = 'dvpn-document-replies';

/** Reads the pack from an environment; fails naming the variable when it holds an unknown pack. */
export const readRulesPack = (source: NodeJS.ProcessEnv): RulesPack => {
  const config = readConfig({ [rulesPackVariable]: z.enum(rulesPackIds).default('dvpn') }, source);
  return rulesPacks[config[rulesPackVariable] as RulesPack['id']];
};

let active: RulesPack | undefined;

/**
 * The rules pack new notices are drafted under, read once per process. Switching is a configuration
 * change; a case keeps the pack it was drafted under.
 */
export const activeRulesPack = (): RulesPack => {
  active ??= readRulesPack(process.env);
  return active;
};
