/**
 * What a browser keeps between the pages of a journey, for a load client that has no browser: the cookies
 * the site set, and the hidden fields of the last form it showed.
 */

export type CookieJar = Readonly<Record<string, string>>;

/** Response headers as the load client hands them over: a repeated header (Set-Cookie) is an array. */
export type ResponseHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

const headerValues = (headers: ResponseHeaders, name: string): string[] => {
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    if (typeof value === 'string') values.push(value);
    else values.push(...value);
  }
  return values;
};

const expired = (attributes: readonly string[], now: Date): boolean =>
  attributes.some((attribute) => {
    const [rawName = '', ...rest] = attribute.split('=');
    const name = rawName.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (name === 'max-age') return Number(value) <= 0;
    if (name === 'expires') return Date.parse(value) <= now.getTime();
    return false;
  });

/**
 * The jar after a response's Set-Cookie headers: new values replace old ones, and a cookie the site clears
 * (Max-Age=0, or an Expires in the past) is dropped, as a browser would. Attributes other than those are
 * not kept: every cookie here is for the one site and every path.
 */
export const withSetCookies = (jar: CookieJar, headers: ResponseHeaders, now = new Date()): CookieJar => {
  const next: Record<string, string> = { ...jar };
  for (const header of headerValues(headers, 'set-cookie')) {
    const [pair = '', ...attributes] = header.split(';');
    const equals = pair.indexOf('=');
    if (equals <= 0) continue;
    const name = pair.slice(0, equals).trim();
    const value = pair.slice(equals + 1).trim();
    if (expired(attributes, now)) delete next[name];
    else next[name] = value;
  }
  return next;
};

/** The Cookie request header for the jar, or undefined when it is empty. */
export const cookieHeader = (jar: CookieJar): string | undefined => {
  const pairs = Object.entries(jar).map(([name, value]) => `${name}=${value}`);
  return pairs.length > 0 ? pairs.join('; ') : undefined;
};

const entities: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&quot;': '"',
  '&#34;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&lt;': '<',
  '&gt;': '>',
};

const decodeEntities = (text: string): string =>
  text.replace(/&(?:amp|quot|#34|#39|#x27|lt|gt);/g, (entity) => entities[entity] ?? entity);

const attributeOf = (tag: string, name: string): string | undefined => {
  const value = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];
  return value === undefined ? undefined : decodeEntities(value);
};

/**
 * The hidden fields of a page's forms (`<input type="hidden" name="…" value="…">`, whatever the order of
 * the attributes), which a browser sends back with the next POST: the CSRF token, a submission token.
 */
export const hiddenInputs = (html: string): Readonly<Record<string, string>> => {
  const fields: Record<string, string> = {};
  for (const [tag] of html.matchAll(/<input\b[^>]*>/gi)) {
    if (attributeOf(tag, 'type')?.toLowerCase() !== 'hidden') continue;
    const name = attributeOf(tag, 'name');
    if (name && !(name in fields)) fields[name] = attributeOf(tag, 'value') ?? '';
  }
  return fields;
};

export type FormFields = Readonly<Record<string, string | readonly string[]>>;

/** An `application/x-www-form-urlencoded` body; a list repeats its name, as checkboxes post. */
export const formBody = (fields: FormFields): string => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') body.append(name, value);
    else for (const item of value) body.append(name, item);
  }
  return body.toString();
};
