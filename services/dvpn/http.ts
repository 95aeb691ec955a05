import type * as z from 'zod';
import type { Policy } from '../../shared/auth/policy.ts';
import type { Principal } from '../../shared/auth/principal.ts';
import { DomainError } from '../../shared/domain/errors.ts';
import { auditDeniedAccess as sharedAuditDeniedAccess } from '../../shared/http/audit-denied-access.ts';
import {
  type ApiResult,
  ConflictError,
  type DeniedAccessRecorder,
  ForbiddenError,
  type FormFields,
  HttpError,
  json,
  NotFoundError,
  RequestValidationError,
  type ViewResult,
  view,
} from '../../shared/http/index.ts';
import type { Caller, CaseServiceDependencies } from './case-service.ts';
import { caseServiceDependencies } from './composition-root.ts';
import {
  CaseNotFoundError,
  ConcurrentChangeError,
  InvalidInputError,
  NotPermittedError,
  RuleRefusedError,
  WrongStageError,
} from './domain/errors.ts';
import { dvpn } from './manifest.ts';

/** The policy the manifest declares for a route (`POST /staff/dvpn/{id}/decision`): written once, there. */
export const policyOf = (routeKey: string): Policy => {
  const route = dvpn.routes.find((candidate) => `${candidate.method} ${candidate.path}` === routeKey);
  if (!route || route.policy === 'public')
    throw new TypeError(`No staff route ${routeKey} in the dvpn manifest`);
  return route.policy;
};

export const dependencies = (): CaseServiceDependencies => caseServiceDependencies();

export const callerOf = (request: { principal: Principal; now: Date; correlationId: string }): Caller => ({
  principal: request.principal,
  now: request.now,
  correlationId: request.correlationId,
});

/**
 * Refusals by a route's policy join the case's own audit chain (an inspector opening the authorisation
 * page of a DVPN is recorded against that case); routes without a case share the platform's chain.
 */
export const deniedAccessFor = (action: string): DeniedAccessRecorder => ({
  recordDenied: (denied) =>
    sharedAuditDeniedAccess(dependencies().auditLog, { service: 'dvpn', action }).recordDenied(denied),
});

/** A refusal the page or API shows with its message (the rule it rests on), status 422. */
export class RuleRefusalHttpError extends HttpError {
  readonly statusCode = 422;
}

/** The workflow's errors as the HTTP stack shows them; anything else stays an internal fault. */
export const toHttpError = (error: unknown): unknown => {
  if (!(error instanceof DomainError)) return error;
  if (error instanceof CaseNotFoundError) return new NotFoundError(error.message);
  if (error instanceof NotPermittedError) return new ForbiddenError(error.message);
  if (error instanceof WrongStageError || error instanceof ConcurrentChangeError)
    return new ConflictError(error.message);
  return new RuleRefusalHttpError(error.message);
};

/** Runs a use case, turning its errors into HTTP ones. */
export const orHttpError = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    throw toHttpError(error);
  }
};

/** The problems of a refused form as the GOV.UK error summary and inline messages need them. */
export const refusalErrors = (
  error: RuleRefusedError | InvalidInputError,
  fieldIds: Readonly<Record<string, string>> = {},
  defaultField = 'form',
) => {
  const problems =
    error instanceof InvalidInputError
      ? error.issues
      : [{ field: error.field ?? defaultField, message: error.message }];
  const errors: Record<string, { text: string }> = {};
  const errorList: { text: string; href: string }[] = [];
  for (const problem of problems) {
    const id = fieldIds[problem.field] ?? problem.field;
    if (errors[id]) continue;
    errors[id] = { text: problem.message };
    errorList.push({ text: problem.message, href: `#${id}` });
  }
  return { errors, errorList };
};

/**
 * Runs a form's use case; when the rules refuse what was asked, shows the form again with the refusal by
 * its field and everything as typed (400), instead of an error page.
 */
export const orFormAgain = async <T>(
  work: () => Promise<T>,
  formAgain: () => Promise<ViewResult> | ViewResult,
  values: FormFields | undefined,
  fieldIds: Readonly<Record<string, string>> = {},
  defaultField = 'form',
): Promise<T | ViewResult> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RuleRefusedError || error instanceof InvalidInputError) {
      const page = await formAgain();
      return view(
        page.template,
        { ...page.context, values: values ?? {}, ...refusalErrors(error, fieldIds, defaultField) },
        { status: 400 },
      );
    }
    throw toHttpError(error);
  }
};

/** Runs an API use case: a refusal by the rules is a 422 naming the rule and the field; other errors map as usual. */
export const apiRefusal = async (work: () => Promise<ApiResult>): Promise<ApiResult> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RuleRefusedError) {
      return json(
        { error: 'refused', message: error.message, source: error.source, field: error.field },
        422,
      );
    }
    if (error instanceof InvalidInputError) {
      return json({ error: 'refused', message: error.message, issues: error.issues }, 422);
    }
    throw toHttpError(error);
  }
};

/** Parses an API body against its schema, or answers 400 with each field's problems. */
export const bodyOf = <S extends z.ZodType>(schema: S, body: unknown): z.output<S> => {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.') || '(body)';
    fields[path] = [...(fields[path] ?? []), issue.message];
  }
  throw new RequestValidationError(fields);
};
