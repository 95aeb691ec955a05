import { isIP } from 'node:net';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * The header CloudFront sets to the viewer's own address and source port: `198.51.100.10:46532`, or for IPv6
 * the address and port joined by one more colon, unbracketed (`2001:db8::1:46532`). CloudFront overwrites
 * whatever a viewer sent under this name; the origin check (origin-verify.ts) makes sure it was CloudFront.
 */
export const viewerAddressHeader = 'cloudfront-viewer-address';

const port = /^\d{1,5}$/;

/** `[2001:db8::1]:443`, as a URL writes an IPv6 address with a port. */
const bracketed = (value: string): string | undefined => {
  const match = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  return match?.[1] !== undefined && isIP(match[1]) === 6 ? match[1] : undefined;
};

/** `address:port`, CloudFront's form for both families: the port is whatever follows the last colon. */
const withPort = (value: string): string | undefined => {
  const colon = value.lastIndexOf(':');
  if (colon === -1 || !port.test(value.slice(colon + 1))) return undefined;
  const address = value.slice(0, colon);
  return isIP(address) === 0 ? undefined : address;
};

/**
 * The viewer's IP address from a CloudFront-Viewer-Address value, without the port; undefined when the value
 * holds no address. CloudFront always adds the port, so an unbracketed IPv6 value is read as address and port
 * when both halves are valid, and as a bare address only when they are not.
 */
export const viewerAddressFrom = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  return bracketed(trimmed) ?? withPort(trimmed) ?? (isIP(trimmed) === 0 ? undefined : trimmed);
};

/**
 * The address of the person making the request: the viewer's, as CloudFront reports it, or where no edge
 * reported one, the address API Gateway saw the request come from. The header is trusted only because the
 * shared stack refuses every request that did not come through CloudFront.
 */
export const clientAddressOf = (event: APIGatewayProxyEventV2): string | undefined =>
  viewerAddressFrom(event.headers?.[viewerAddressHeader]) ?? event.requestContext?.http?.sourceIp;
