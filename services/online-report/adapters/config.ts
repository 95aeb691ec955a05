import * as z from 'zod';
import { readConfig } from '../../../shared/config/env.ts';
import { tableEnvName } from '../../../shared/manifest/names.ts';

const reportsTableEnv = tableEnvName('online-report', 'reports');
const sessionsTableEnv = tableEnvName('platform', 'sessions');

export interface OnlineReportConfig {
  readonly reportsTable: string;
  readonly sessionsTable: string;
  /** Key of the keyed HMACs that match people across reports and hash client addresses. */
  readonly identityHmacKey: string;
}

const read = (source: NodeJS.ProcessEnv): OnlineReportConfig => {
  const config = readConfig(
    {
      [reportsTableEnv]: z.string().min(1),
      [sessionsTableEnv]: z.string().min(1),
      IDENTITY_HMAC_KEY: z.string().min(32),
    },
    source,
  );
  return {
    reportsTable: config[reportsTableEnv] as string,
    sessionsTable: config[sessionsTableEnv] as string,
    identityHmacKey: config.IDENTITY_HMAC_KEY as string,
  };
};

let shared: OnlineReportConfig | undefined;

/** Read once per process from the environment; a missing value fails the cold start, naming the variable. */
export const onlineReportConfig = (): OnlineReportConfig => {
  shared ??= read(process.env);
  return shared;
};

/** The same, from another source (a CLI, a test). */
export const onlineReportConfigFrom = (source: NodeJS.ProcessEnv): OnlineReportConfig => read(source);
