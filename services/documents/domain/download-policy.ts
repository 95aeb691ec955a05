import { atLeast, inDepartment, type Policy } from '../../../shared/auth/policy.ts';

/**
 * Who may download a document is decided by the service that asked for it, because the document is part
 * of that service's case: a DVPN is any officer's business, a Clare's Law disclosure record the Public
 * Protection Unit's, a restricted case's report Professional Standards' alone (DOMAIN.md §2-§4).
 */
export const downloadPolicies: Readonly<Record<string, Policy>> = {
  dvpn: atLeast('constable'),
  'clares-law': inDepartment('PPU'),
  'restricted-cases': inDepartment('PSD'),
};

const nobody: Policy = { description: 'nobody (no policy for the requesting service)', allows: () => false };

export const downloadPolicyFor = (requestingService: string): Policy =>
  downloadPolicies[requestingService] ?? nobody;
