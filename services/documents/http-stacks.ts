import httpMultipartBodyParser from '@middy/http-multipart-body-parser';
import type { Policy } from '../../shared/auth/policy.ts';
import type { Principal } from '../../shared/auth/principal.ts';
import { httpConfig } from '../../shared/http/config.ts';
import {
  BadRequestError,
  PayloadTooLargeError,
  UnauthenticatedError,
  UnsupportedMediaTypeError,
} from '../../shared/http/errors.ts';
import { csrfProtection } from '../../shared/http/middleware/csrf.ts';
import { pageErrors } from '../../shared/http/middleware/page-errors.ts';
import { renderPage } from '../../shared/http/render-page.ts';
import type {
  FormFields,
  HttpEvent,
  HttpMiddleware,
  HttpRequest,
  HttpResponse,
} from '../../shared/http/request-state.ts';
import type { ViewResult } from '../../shared/http/results.ts';
import {
  accessMiddlewares,
  type HttpHandler,
  outerMiddlewares,
  requestBasics,
  toHttpHandler,
} from '../../shared/http/stack.ts';

/**
 * Two page-stack variants the documents service needs and shared/http does not offer yet: a form that
 * uploads a file (multipart), and a response that is a file rather than a page. Both reuse the shared
 * middlewares (headers, errors, session, policy, CSRF) in the same order as `pageHandler`.
 */

export interface UploadedFile {
  readonly filename: string;
  readonly content: Buffer;
}

export interface StaffRequest {
  readonly event: HttpEvent;
  readonly params: Readonly<Record<string, string>>;
  readonly principal: Principal;
  readonly correlationId: string;
  readonly now: Date;
}

export interface UploadPageRequest extends StaffRequest {
  /** Text fields, without the CSRF field. */
  readonly form: FormFields;
  /** The file chosen, if any (a file input left empty sends no content). */
  readonly file: UploadedFile | undefined;
  readonly csrfToken: string;
}

const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number'
    ? error.statusCode
    : undefined;

const uploads = new WeakMap<HttpEvent, UploadedFile>();

interface ParsedAttachment {
  readonly filename?: string;
  readonly content?: Buffer;
}

/** A multipart body becomes `form` (text fields) and one uploaded file; the event is put back as it came. */
const parseMultipart = (fileField: string, maxFileBytes: number): HttpMiddleware => {
  const parser = httpMultipartBodyParser({
    busboy: { limits: { fileSize: maxFileBytes, files: 1, fields: 10 } },
  }) as unknown as { before: (request: HttpRequest) => Promise<void> };
  return {
    before: async (request) => {
      const raw = request.event.body;
      try {
        await parser.before(request);
      } catch (error) {
        const status = statusOf(error);
        if (status === 415) throw new UnsupportedMediaTypeError('Send the form as multipart/form-data.');
        if (status === 413) throw new PayloadTooLargeError(maxFileBytes);
        throw new BadRequestError('The form could not be read.');
      }
      const parsed = request.event.body as unknown as Record<string, unknown>;
      request.event.body = raw;
      const fields: Record<string, string> = {};
      for (const [name, value] of Object.entries(parsed)) {
        if (typeof value === 'string') fields[name] = value;
      }
      request.context.http.form = fields;
      const attachment = parsed[fileField] as ParsedAttachment | undefined;
      if (attachment?.content && attachment.content.length > 0) {
        uploads.set(request.event, { filename: attachment.filename ?? '', content: attachment.content });
      }
    },
  };
};

const principalOf = (principal: Principal | undefined): Principal => {
  if (!principal) throw new UnauthenticatedError();
  return principal;
};

/** A staff page whose form uploads one file. Answers with a view (no redirect: the result is the page). */
export const uploadPageHandler = (options: {
  readonly policy: Policy;
  readonly fileField: string;
  readonly maxFileBytes: number;
  readonly handle: (request: UploadPageRequest) => Promise<ViewResult>;
  readonly clock?: () => Date;
}): HttpHandler => {
  const clock = options.clock ?? (() => new Date());
  const { csrfSecret } = httpConfig();
  return toHttpHandler(
    'page',
    async (event, context) => {
      const state = context.http;
      const basics = requestBasics(event, state, clock);
      const result = await options.handle({
        event,
        params: basics.params,
        principal: principalOf(state.principal),
        correlationId: basics.correlationId,
        now: basics.now,
        form: state.form ?? {},
        file: uploads.get(event),
        csrfToken: state.csrfToken,
      });
      return renderPage(event, state, result);
    },
    [
      // Room for the file and the form's other fields.
      ...outerMiddlewares(pageErrors(), options.maxFileBytes + 64 * 1024),
      ...accessMiddlewares({ policy: options.policy }, false, clock),
      parseMultipart(options.fileField, options.maxFileBytes),
      csrfProtection(csrfSecret),
    ],
  );
};

export interface FileResponse {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/** A staff GET answered with a file to download; errors are the usual pages. */
export const fileDownloadHandler = (options: {
  readonly policy: Policy;
  readonly handle: (request: StaffRequest) => Promise<FileResponse>;
  readonly clock?: () => Date;
}): HttpHandler => {
  const clock = options.clock ?? (() => new Date());
  return toHttpHandler(
    'page',
    async (event, context): Promise<HttpResponse> => {
      const state = context.http;
      const basics = requestBasics(event, state, clock);
      const file = await options.handle({
        event,
        params: basics.params,
        principal: principalOf(state.principal),
        correlationId: basics.correlationId,
        now: basics.now,
      });
      return {
        statusCode: 200,
        headers: {
          'Content-Type': file.contentType,
          'Content-Disposition': `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
          'Content-Length': String(file.content.length),
        },
        body: file.content.toString('base64'),
        isBase64Encoded: true,
      };
    },
    [...outerMiddlewares(pageErrors()), ...accessMiddlewares({ policy: options.policy }, false, clock)],
  );
};
