import type { IncomingHttpHeaders } from 'node:http';
import { viewerAddressHeader } from '../../shared/http/client-address.ts';
import { originVerifyHeader } from '../../shared/http/origin-verify.ts';

/** Where a request came from, as the local web server's socket sees it. */
export interface Viewer {
  readonly address: string;
  readonly port: number | undefined;
}

/** What reaches the API: the headers, and the address API Gateway sees the request come from. */
export interface Forwarded {
  readonly headers: IncomingHttpHeaders;
  readonly sourceIp: string;
}

/** CloudFront's form of CloudFront-Viewer-Address: the address, a colon and the port (IPv6 unbracketed). */
export const viewerAddressValue = (viewer: Viewer): string => `${viewer.address}:${viewer.port ?? 0}`;

const withViewerAppended = (forwardedFor: string | string[] | undefined, viewer: Viewer): string => {
  const earlier = Array.isArray(forwardedFor) ? forwardedFor.join(', ') : forwardedFor;
  return earlier ? `${earlier}, ${viewer.address}` : viewer.address;
};

/**
 * A request as CloudFront forwards it to the API: with the origin header carrying the secret
 * (ORIGIN_VERIFY_SECRET, as configured) and the viewer's own address, both replacing whatever the client sent
 * under those names so a client can forge neither, and the viewer appended to X-Forwarded-For. API Gateway
 * then sees the edge's address, not the viewer's, as `sourceIp`.
 */
export const forwardedByEdge = (
  headers: IncomingHttpHeaders,
  viewer: Viewer,
  edgeAddress: string,
  originSecret: string,
): Forwarded => ({
  headers: {
    ...headers,
    'x-forwarded-for': withViewerAppended(headers['x-forwarded-for'], viewer),
    [originVerifyHeader]: originSecret,
    [viewerAddressHeader]: viewerAddressValue(viewer),
  },
  sourceIp: edgeAddress,
});

/** The same request at the API's own address: as the client sent it, from the client's address. */
export const notForwarded = (headers: IncomingHttpHeaders, viewer: Viewer): Forwarded => ({
  headers,
  sourceIp: viewer.address,
});
