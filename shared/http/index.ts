export { type ApiOptions, type ApiRequest, apiHandler, type ValidatedApiOptions } from './api-handler.ts';
export {
  auditDeniedAccess,
  type DeniedAccessAuditOptions,
  routeRefusalsChain,
} from './audit-denied-access.ts';
export { clearCookie, cookieNames, requestCookies, setCookie } from './cookies.ts';
export type { DeniedAccess, DeniedAccessRecorder } from './denied-access.ts';
export { logDeniedAccess } from './denied-access.ts';
export {
  BadRequestError,
  ConflictError,
  CsrfTokenError,
  ForbiddenError,
  HttpError,
  NotFoundError,
  PayloadTooLargeError,
  RequestValidationError,
  UnauthenticatedError,
  UnsupportedMediaTypeError,
} from './errors.ts';
export { type ErrorSummaryItem, type FormErrors, formErrors, formFields, validateForm } from './forms.ts';
export { notFoundHandler } from './not-found-handler.ts';
export {
  type FormPageOptions,
  type PageOptions,
  type PageRequest,
  pageHandler,
  publicPageHandler,
} from './page-handler.ts';
export type { FormFields } from './request-state.ts';
export {
  type ApiResult,
  type DownloadResult,
  download,
  json,
  noContent,
  notFound,
  type PageResult,
  redirect,
  redirectToIdentityProvider,
  type ViewResult,
  view,
} from './results.ts';
export { safeReturnTo } from './return-to.ts';
export type { Access, HttpHandler } from './stack.ts';
