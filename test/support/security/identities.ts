import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { type DemoStaffMember, demoStaff } from '../../../infra/local/demo-staff.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import type { Principal } from '../../../shared/auth/principal.ts';

/** A demo member of staff as the route policies see them once their token is verified. */
export const principalOf = (member: DemoStaffMember): Principal => ({
  subject: member.subject,
  collarNumber: member.collarNumber,
  displayName: member.displayName,
  rank: member.rank,
  department: member.department,
});

export { demoStaff };

/** The ways a request can claim to be staff without being anyone the site should believe. */
export type UnauthenticatedKind =
  | 'no token'
  | 'expired token'
  | 'token signed by another key'
  | 'tampered rank'
  | 'unsigned token (alg none)';

export const unauthenticatedKinds: readonly UnauthenticatedKind[] = [
  'no token',
  'expired token',
  'token signed by another key',
  'tampered rank',
  'unsigned token (alg none)',
];

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A token for each kind, all for the constable: expired (issued nine hours ago, eight-hour life); signed by a
 * fresh RSA key under the provider's published key id; a real token whose payload now claims chief constable,
 * its signature left as it was; and the same claims with `alg: none` and no signature at all.
 */
export const unauthenticatedTokens = async (
  runtime: LocalRuntime,
): Promise<Readonly<Record<UnauthenticatedKind, string | undefined>>> => {
  const provider = runtime.identityProvider;
  const genuine = await provider.mintToken('constable');
  const expired = await provider.mintToken('constable', new Date(Date.now() - 9 * 60 * 60 * 1000));

  const header = decodeProtectedHeader(genuine);
  const claims = decodeJwt(genuine);
  const { privateKey } = await generateKeyPair('RS256');
  const forged = await new SignJWT({ ...claims, 'custom:rank': 'chief-constable' })
    .setProtectedHeader({ alg: 'RS256', kid: header.kid ?? '' })
    .sign(privateKey);

  const [encodedHeader = '', , signature = ''] = genuine.split('.');
  const tampered = `${encodedHeader}.${base64url({ ...claims, 'custom:rank': 'chief-constable', 'custom:department': 'PSD' })}.${signature}`;

  const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, 'custom:rank': 'chief-constable' })}.`;

  return {
    'no token': undefined,
    'unsigned token (alg none)': unsigned,
    'expired token': expired,
    'token signed by another key': forged,
    'tampered rank': tampered,
  };
};
