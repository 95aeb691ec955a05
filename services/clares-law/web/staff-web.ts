import { auditLogFromEnvironment } from '../../../shared/audit/dynamo-audit-log.ts';
import {
  auditDeniedAccess,
  type DeniedAccessRecorder,
  type ViewResult,
  view,
} from '../../../shared/http/index.ts';
import {
  ConcurrentChangeError,
  ContactRefusedError,
  InvalidInputError,
  NotPermittedError,
  RuleRefusedError,
  WrongStageError,
} from '../domain/errors.ts';
import type { RawFields } from '../domain/form-reader.ts';
import { errorContext, valuesForView } from './form-view.ts';

let denied: DeniedAccessRecorder | undefined;

/** Refusals by a route's policy join the case's own audit chain when the route names a case. */
export const deniedAccessRecorder = (): DeniedAccessRecorder => {
  denied ??= auditDeniedAccess(auditLogFromEnvironment(), {
    service: 'clares-law',
    action: 'access-case-route',
  });
  return denied;
};

/** A refusal the officer can act on, with the rule and its source, instead of a bare 403 or 409. */
export const refusedView = (
  error: NotPermittedError | WrongStageError | ConcurrentChangeError,
  caseHref?: string,
): ViewResult =>
  view(
    'clares-law/refused.njk',
    {
      heading:
        error instanceof NotPermittedError
          ? 'You cannot record this step'
          : error instanceof WrongStageError
            ? 'This step is not open at this stage'
            : 'This case has changed',
      message: error.message,
      source: error instanceof NotPermittedError ? error.source : undefined,
      caseHref,
    },
    { status: error.status },
  );

/**
 * The form shown again after the rules refused it: field messages beside the fields, and a rule's refusal
 * at the field it concerns (or at the top), with what was typed kept.
 */
export const formErrorView = (
  error: unknown,
  fields: RawFields,
  render: (context: Record<string, unknown>, status: number) => ViewResult,
): ViewResult | undefined => {
  const values = valuesForView(fields);
  if (error instanceof InvalidInputError) return render({ values, ...errorContext(error.issues) }, 400);
  if (error instanceof ContactRefusedError) return render({ values, ...errorContext(error.reasons) }, 422);
  if (error instanceof RuleRefusedError) {
    const issue = error.field
      ? { field: error.field, message: error.message }
      : { field: 'form', message: error.message, anchor: 'main-content' };
    return render({ values, ...errorContext([issue]) }, 422);
  }
  return undefined;
};

export const isRefusal = (
  error: unknown,
): error is NotPermittedError | WrongStageError | ConcurrentChangeError =>
  error instanceof NotPermittedError ||
  error instanceof WrongStageError ||
  error instanceof ConcurrentChangeError;
