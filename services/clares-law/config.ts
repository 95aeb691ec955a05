import * as z from 'zod';
import { readConfig, required } from '../../shared/config/env.ts';
import { tableEnvName } from '../../shared/manifest/names.ts';
import { currentRuleSetId, RuleSetId } from './domain/rule-sets.ts';

export const serviceName = 'clares-law';
export const casesTableEnv = tableEnvName(serviceName, 'cases');
export const sessionsTableEnv = tableEnvName('platform', 'sessions');
/** Where the documents service answers this service's requests for a signed disclosure record. */
export const documentRepliesQueue = 'clares-law-document-replies';

export interface ClaresLawConfig {
  readonly casesTable: string;
  readonly sessionsTable: string;
  readonly identityHmacKey: string;
  /** The edition of the scheme new cases open under (DVDS_RULE_SET); the current one unless set. */
  readonly ruleSet: RuleSetId;
}

let shared: ClaresLawConfig | undefined;

/** Read once per process; a missing value fails the cold start naming the variable. */
export const claresLawConfig = (): ClaresLawConfig => {
  if (!shared) {
    const config = readConfig({
      [casesTableEnv]: required(),
      [sessionsTableEnv]: required(),
      IDENTITY_HMAC_KEY: z.string().min(32),
      DVDS_RULE_SET: RuleSetId.optional(),
    });
    shared = {
      casesTable: config[casesTableEnv] as string,
      sessionsTable: config[sessionsTableEnv] as string,
      identityHmacKey: config.IDENTITY_HMAC_KEY as string,
      ruleSet: (config.DVDS_RULE_SET as RuleSetId | undefined) ?? currentRuleSetId,
    };
  }
  return shared;
};
