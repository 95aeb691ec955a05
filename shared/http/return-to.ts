/**
 * A place to send someone back to after sign-in or a journey step. Only a path on this site is accepted:
 * anything that could leave the site (`//evil.example`, `/\evil.example`, `https://...`, `javascript:`)
 * or smuggle control characters falls back to `fallback`.
 */
export const safeReturnTo = (candidate: unknown, fallback = '/'): string => {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 1024) return fallback;
  if (!candidate.startsWith('/') || candidate.startsWith('//')) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\\\u0000-\u001f\u007f]/.test(candidate)) return fallback;
  const base = 'https://return-to.invalid';
  let parsed: URL;
  try {
    parsed = new URL(candidate, base);
  } catch {
    return fallback;
  }
  if (parsed.origin !== base) return fallback;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
};
