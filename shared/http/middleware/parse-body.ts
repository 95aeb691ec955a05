import httpJsonBodyParser from '@middy/http-json-body-parser';
import httpUrlencodeBodyParser from '@middy/http-urlencode-body-parser';
import { BadRequestError, UnsupportedMediaTypeError } from '../errors.ts';
import {
  type FormFields,
  type HttpMiddleware,
  type HttpRequest,
  isSafeMethod,
  methodOf,
} from '../request-state.ts';

const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number'
    ? error.statusCode
    : undefined;

const decoded = (request: HttpRequest): string => {
  const { body, isBase64Encoded } = request.event;
  if (body === undefined || body === null) return '';
  return isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
};

/**
 * Node's form parser never fails: a broken percent-escape silently becomes other characters. A person's
 * words must arrive as typed or be refused, so every escape is checked first.
 */
const assertWellFormedForm = (text: string): void => {
  for (const part of text.split('&')) {
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      throw new BadRequestError('The form could not be read: it contains a broken character encoding.');
    }
  }
};

/** What the stack needs of middy's parsers, whose own typings describe a differently shaped event. */
interface BodyParser {
  before?: (request: HttpRequest) => unknown;
}

/** Runs one of middy's parsers, then hands the result to the state and puts the event back as it came. */
const runParser = async (request: HttpRequest, parser: BodyParser): Promise<unknown> => {
  const raw = request.event.body;
  await parser.before?.(request);
  const parsed: unknown = request.event.body;
  request.event.body = raw;
  return parsed;
};

/** Pages: an `application/x-www-form-urlencoded` body becomes `form` (fields; repeated names are arrays). */
export const parseForm = (): HttpMiddleware => {
  const parser = httpUrlencodeBodyParser() as unknown as BodyParser;
  return {
    before: async (request) => {
      if (isSafeMethod(methodOf(request.event))) return;
      const text = decoded(request);
      if (text === '') {
        request.context.http.form = {};
        return;
      }
      assertWellFormedForm(text);
      try {
        const parsed = await runParser(request, parser);
        request.context.http.form = { ...(parsed as FormFields) };
      } catch (error) {
        if (statusOf(error) === 415) {
          throw new UnsupportedMediaTypeError('Send the form as application/x-www-form-urlencoded.');
        }
        throw error;
      }
    },
  };
};

/** V8's message quotes the input; only the position is kept, so nothing a person sent is echoed. */
const whereJsonBroke = (error: unknown): string => {
  const cause = error instanceof Error ? error.cause : undefined;
  const message =
    typeof cause === 'object' && cause !== null && 'message' in cause ? String(cause.message) : '';
  const position = /position (\d+)/.exec(message)?.[1];
  return position ? ` (near character ${position})` : '';
};

/** APIs: a JSON body becomes `body`. A body that is not JSON is a 400 that says so. */
export const parseJson = (): HttpMiddleware => {
  const parser = httpJsonBodyParser() as unknown as BodyParser;
  return {
    before: async (request) => {
      if (isSafeMethod(methodOf(request.event))) return;
      if (decoded(request).trim() === '') {
        throw new BadRequestError('The request needs a JSON body.');
      }
      try {
        request.context.http.body = await runParser(request, parser);
      } catch (error) {
        const status = statusOf(error);
        if (status === 415) throw new UnsupportedMediaTypeError('Send the body as application/json.');
        if (status === 422) {
          throw new BadRequestError(`The request body is not valid JSON${whereJsonBroke(error)}.`);
        }
        throw error;
      }
    },
  };
};
