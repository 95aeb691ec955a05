import type { DocumentType } from '../../../../shared/contracts/documents.ts';
import { claresLawDisclosureRecord } from './clares-law-disclosure-record.ts';
import { dapnNotice } from './dapn-notice.ts';
import { dapoApplicationPack } from './dapo-application-pack.ts';
import { dvpnNotice } from './dvpn-notice.ts';
import { dvpoApplicationPack } from './dvpo-application-pack.ts';
import { restrictedCaseAccessReport } from './restricted-case-access-report.ts';
import type { Template } from './template.ts';

/** Every document the service can issue. A new type adds its schema to shared/contracts and a line here. */
export const templates: { readonly [Type in DocumentType]: Template<Type> } = {
  'dvpn-notice': dvpnNotice,
  'clares-law-disclosure-record': claresLawDisclosureRecord,
  'dvpo-application-pack': dvpoApplicationPack,
  'restricted-case-access-report': restrictedCaseAccessReport,
  'dapn-notice': dapnNotice,
  'dapo-application-pack': dapoApplicationPack,
};
