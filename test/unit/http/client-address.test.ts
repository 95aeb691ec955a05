import { describe, expect, it } from 'vitest';
import { viewerAddressValue } from '../../../infra/local/edge.ts';
import { inMemoryRateCounter } from '../../../shared/abuse/in-memory-rate-counter.ts';
import { clientAddressOf, hmacClientKey, rateLimiter } from '../../../shared/abuse/rate-limit.ts';
import { viewerAddressFrom } from '../../../shared/http/client-address.ts';
import { getEvent } from '../../support/http-events.ts';

/**
 * The per-client limits count the viewer's own address, as CloudFront reports it in CloudFront-Viewer-Address
 * (`address:port`; IPv6 unbracketed), not the edge's address API Gateway sees: people behind one edge do not
 * share a count. The header is believed only because a request that skipped CloudFront is refused (SR-6).
 */
const fromEdge = (viewer: string | undefined, edge = '130.176.0.1') => {
  const event = getEvent(
    '/report/in-danger',
    viewer ? { headers: { 'cloudfront-viewer-address': viewer } } : {},
  );
  return {
    ...event,
    requestContext: { ...event.requestContext, http: { ...event.requestContext.http, sourceIp: edge } },
  };
};

describe("the viewer's address from CloudFront-Viewer-Address", () => {
  it('IPv4 with its port: the address without the port', () => {
    expect(viewerAddressFrom('198.51.100.10:46532')).toBe('198.51.100.10');
  });

  it("IPv6 in CloudFront's form, the port after one more colon: the address without the port", () => {
    expect(viewerAddressFrom('2406:2d40:728d:fa10::c4a:42838')).toBe('2406:2d40:728d:fa10::c4a');
  });

  it('IPv6 in brackets, with or without a port: the address', () => {
    expect([viewerAddressFrom('[2001:db8::7]:443'), viewerAddressFrom('[2001:db8::7]')]).toEqual([
      '2001:db8::7',
      '2001:db8::7',
    ]);
  });

  it('a bare address, without a port: the address as it is', () => {
    expect([viewerAddressFrom('203.0.113.9'), viewerAddressFrom('2001:db8::')]).toEqual([
      '203.0.113.9',
      '2001:db8::',
    ]);
  });

  it("the local edge writes the viewer's address in CloudFront's form, and it reads back", () => {
    const viewers = [
      { address: '127.0.0.2', port: 51000 },
      { address: '::1', port: 51001 },
      { address: '2001:db8::1', port: 443 },
    ];

    expect(viewers.map((viewer) => viewerAddressFrom(viewerAddressValue(viewer)))).toEqual([
      '127.0.0.2',
      '::1',
      '2001:db8::1',
    ]);
  });

  it('a value that holds no address gives none', () => {
    expect(
      ['', '  ', 'unknown', 'localhost:3000', '999.1.1.1:80', '198.51.100.10:port', '[not-ipv6]:80'].map(
        viewerAddressFrom,
      ),
    ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('the address a client is counted under', () => {
  it("is the viewer's address where CloudFront gave one, never the edge's", () => {
    expect(clientAddressOf(fromEdge('198.51.100.10:46532'))).toBe('198.51.100.10');
  });

  it('falls back to the address API Gateway saw when no edge gave one, or gave none that reads', () => {
    expect([clientAddressOf(fromEdge(undefined)), clientAddressOf(fromEdge('garbled'))]).toEqual([
      '130.176.0.1',
      '130.176.0.1',
    ]);
  });

  it('two people behind one edge address are counted apart', async () => {
    const rule = { name: 'answers', limit: 2, windowSeconds: 600 };
    const at = new Date('2026-11-23T10:00:00Z');
    const limiter = rateLimiter({
      scope: 'online-report',
      counter: inMemoryRateCounter(),
      clientKey: hmacClientKey('unit-test-client-key-of-at-least-32-chars'),
    });
    const first = clientAddressOf(fromEdge('198.51.100.10:40000'));
    const second = clientAddressOf(fromEdge('203.0.113.20:40000'));
    for (let attempt = 0; attempt < 3; attempt += 1) await limiter.allow(first, rule, at);

    expect([await limiter.allow(first, rule, at), await limiter.allow(second, rule, at)]).toEqual([
      false,
      true,
    ]);
  });
});
