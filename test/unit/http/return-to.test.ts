import { describe, expect, it } from 'vitest';
import { redirect } from '../../../shared/http/results.ts';
import { safeReturnTo } from '../../../shared/http/return-to.ts';

describe('return addresses stay on this site (STYLE.md: return URLs are relative and checked)', () => {
  it.each([
    ['/staff/notifications', '/staff/notifications'],
    ['/staff/dvpn/123?tab=notes#top', '/staff/dvpn/123?tab=notes#top'],
    ['/a/../b', '/b'],
  ])('%s is kept as %s', (candidate, expected) => {
    expect(safeReturnTo(candidate, '/fallback')).toBe(expected);
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['a scheme-relative address', '//evil.example/path'],
    ['a backslash trick', '/\\evil.example'],
    ['a javascript: address', 'javascript:alert(1)'],
    ['a relative path', 'staff/notifications'],
    ['a control character', '/staff\n/x'],
    ['an encoded tab before slashes', '/\t/evil.example'],
    ['nothing', ''],
    ['not a string', 42],
    ['something very long', `/${'a'.repeat(2000)}`],
  ])('%s falls back', (_case, candidate) => {
    expect(safeReturnTo(candidate, '/fallback')).toBe('/fallback');
  });

  it('redirect() refuses an address off the site, so an unchecked one cannot slip through', () => {
    expect(() => redirect('https://evil.example/')).toThrow(TypeError);
    expect(() => redirect('//evil.example')).toThrow(TypeError);
  });
});
