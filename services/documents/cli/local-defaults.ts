import { loadLocalEnvironment } from '../../../shared/config/local-environment.ts';

/** The force name `npm start` uses when FORCE_NAME is not set (infra/local/environment.ts). */
const localForceName = 'Northshire Police';

/**
 * For the command-line tools: reach the stack `npm start` is running if there is one (its environment
 * file), and otherwise sign and verify as the local force with the key under `.local/keys`.
 */
export const useLocalDefaults = (): void => {
  loadLocalEnvironment();
  process.env.FORCE_NAME ||= localForceName;
};
