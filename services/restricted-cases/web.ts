import type { Principal } from '../../shared/auth/principal.ts';
import { DomainError } from '../../shared/domain/errors.ts';
import type { FormFields } from '../../shared/http/index.ts';
import {
  ConflictError,
  type DeniedAccessRecorder,
  ForbiddenError,
  HttpError,
  type PageResult,
  type ViewResult,
  view,
} from '../../shared/http/index.ts';
import { type Caller, recordAttempt, type ServiceDependencies } from './case-service.ts';
import { serviceDependencies } from './composition-root.ts';
import type { AccessAction, AccessDecision } from './domain/access.ts';
import {
  CaseNotFoundError,
  ConcurrentChangeError,
  NotPermittedError,
  RuleRefusedError,
  WrongStageError,
} from './domain/errors.ts';
import { normaliseCaseReference } from './domain/ids.ts';
import { CaseId } from './domain/model.ts';

/** What every page handler shares: the use cases' dependencies, the caller, and how refusals look. */

export const dependencies = (): ServiceDependencies => serviceDependencies();

export const callerOf = (request: { principal: Principal; now: Date; correlationId: string }): Caller => ({
  principal: request.principal,
  now: request.now,
  correlationId: request.correlationId,
});

/** A refusal by the rules, shown on an error page when there is no form to show it beside. */
export class RuleRefusalHttpError extends HttpError {
  readonly statusCode = 422;
}

/**
 * The one "not found" page: for a case that does not exist and for one this person may not know exists
 * (APP "Access to records"), so a guessed reference learns nothing.
 */
export const caseNotFound = (): ViewResult => view('restricted-cases/not-found.njk', {}, { status: 404 });

const toHttp = (error: unknown): unknown => {
  if (!(error instanceof DomainError)) return error;
  if (error instanceof NotPermittedError) return new ForbiddenError(error.message);
  if (error instanceof WrongStageError || error instanceof ConcurrentChangeError)
    return new ConflictError(error.message);
  return new RuleRefusalHttpError(error.message);
};

/** Runs a page's work; "not found" (real or because access is denied) is the one page, other refusals map. */
export const orRefusal = async (work: () => Promise<PageResult>): Promise<PageResult> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CaseNotFoundError) return caseNotFound();
    throw toHttp(error);
  }
};

/** The problems of a refused form as the GOV.UK error summary and inline messages need them. */
export const refusalErrors = (error: RuleRefusedError, fieldIds: Readonly<Record<string, string>> = {}) => {
  const id = fieldIds[error.field] ?? error.field;
  return {
    errors: { [id]: { text: error.message } },
    errorList: [{ text: error.message, href: `#${id}` }],
  };
};

/**
 * Runs a form's work; when the rules refuse it, shows the form again with the refusal beside its field and
 * everything as typed (400). A case the person may not see is the "not found" page.
 */
export const orFormAgain = async (
  work: () => Promise<PageResult>,
  formAgain: () => Promise<PageResult>,
  values: FormFields | undefined,
  fieldIds: Readonly<Record<string, string>> = {},
): Promise<PageResult> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CaseNotFoundError) return caseNotFound();
    if (error instanceof RuleRefusedError) {
      const page = await formAgain();
      if (page.kind !== 'view') return page;
      return view(
        page.template,
        { ...page.context, values: values ?? {}, ...refusalErrors(error, fieldIds) },
        { status: 400 },
      );
    }
    throw toHttp(error);
  }
};

/** What a route refused by policy was trying to do, and the rule that refused it. */
const refusedRoutes: readonly { pattern: RegExp; action: AccessAction; decision: AccessDecision }[] = [
  {
    pattern: /\/restriction$/,
    action: 'restrict',
    decision: { allowed: false, reason: 'rank-below-chief-inspector' },
  },
  {
    pattern: /\/sharing$/,
    action: 'share-without-consent',
    decision: { allowed: false, reason: 'psd-only' },
  },
  {
    pattern: /\/access-list$/,
    action: 'manage-access-list',
    decision: { allowed: false, reason: 'psd-only' },
  },
  { pattern: /\/outcome$/, action: 'record-outcome', decision: { allowed: false, reason: 'psd-only' } },
  { pattern: /\/access-report$/, action: 'export', decision: { allowed: false, reason: 'psd-only' } },
  { pattern: /\/access-log$/, action: 'view-access-log', decision: { allowed: false, reason: 'psd-only' } },
  { pattern: /\/review$/, action: 'review-break-glass', decision: { allowed: false, reason: 'psd-only' } },
  {
    pattern: /\/grants\//,
    action: 'decide-safeguarding-request',
    decision: { allowed: false, reason: 'psd-or-chief-inspector' },
  },
  { pattern: /\/psd/, action: 'list', decision: { allowed: false, reason: 'psd-only' } },
];

/** Route refusals that name no case (PSD's console) share one chain. */
export const consoleRefusalsChain = 'psd-console-refusals';

/**
 * Refusals by a route's policy are attempts like any other: written to the case's audit chain (or the
 * console's) and sent to PSD as an alert, whether or not the reference names a case.
 */
export const deniedAccessRecorder = (
  deps: () => ServiceDependencies = dependencies,
): DeniedAccessRecorder => ({
  recordDenied: async (denied) => {
    const refused = refusedRoutes.find((route) => route.pattern.test(denied.route)) ?? {
      action: 'open' as const,
      decision: { allowed: false, reason: 'not-on-access-list' } as const,
    };
    const typed = denied.params.id;
    const reference = typed === undefined ? consoleRefusalsChain : normaliseCaseReference(typed);
    const services = deps();
    const file = CaseId.safeParse(reference).success ? await services.cases.load(reference) : undefined;
    await recordAttempt(
      services,
      { principal: denied.principal, now: denied.at, correlationId: denied.correlationId },
      { reference, file, action: refused.action, decision: refused.decision },
    );
  },
});
