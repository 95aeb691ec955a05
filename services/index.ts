import type { ServiceManifest } from '../shared/manifest/define-service.ts';
import { platform } from '../shared/platform/manifest.ts';
import { claresLaw } from './clares-law/manifest.ts';
import { documents } from './documents/manifest.ts';
import { dvpn } from './dvpn/manifest.ts';
import { home } from './home/manifest.ts';
import { notifications } from './notifications/manifest.ts';
import { onlineReport } from './online-report/manifest.ts';
import { restrictedCases } from './restricted-cases/manifest.ts';

/** Every service the product deploys. CDK and the local runtime both read this list and nothing else. */
export const services: readonly ServiceManifest[] = [
  platform,
  home,
  notifications,
  documents,
  dvpn,
  onlineReport,
  restrictedCases,
  claresLaw,
];
