import * as z from 'zod';
import { recordAccess } from '../../../shared/audit/audit-log.ts';
import type { Policy } from '../../../shared/auth/policy.ts';
import type { Principal } from '../../../shared/auth/principal.ts';
import {
  ConflictError,
  type DeniedAccessRecorder,
  ForbiddenError,
  NotFoundError,
  type PageRequest,
  pageHandler,
  redirect,
  type ViewResult,
  view,
} from '../../../shared/http/index.ts';
import type { HttpHandler } from '../../../shared/http/stack.ts';
import { logger } from '../../../shared/observability/logger.ts';
import type { DynamoReportStore } from '../adapters/dynamo-report-store.ts';
import { auditLog, reportStore } from '../composition-root.ts';
import {
  ConcurrentChangeError,
  InvalidInputError,
  NotPermittedError,
  RecordNotFoundError,
  RuleRefusedError,
  WrongStageError,
} from '../domain/errors.ts';
import { type LoadedCase, reportPageContext } from './staff-views.ts';

/** Every view and change of a report is audited against the report (DPA 2018 s.62). */
export const caseRefOf = (caseId: string) => ({ service: 'online-report', caseId });

const ReportId = z.uuid();

export const reportIdOf = (request: PageRequest<Policy>): string => {
  const parsed = ReportId.safeParse(request.params.id);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
};

/** Refusals by a route's policy go to the audit trail too; recording must not turn a 403 into a 500. */
export const auditedDeniedAccess: DeniedAccessRecorder = {
  recordDenied: async (denied) => {
    const caseId = ReportId.safeParse(denied.params.id).success
      ? (denied.params.id as string)
      : 'staff-pages';
    try {
      await recordAccess(auditLog(), {
        principal: denied.principal,
        caseRef: caseRefOf(caseId),
        action: denied.method === 'GET' ? 'view' : 'change',
        outcome: 'denied',
        correlationId: denied.correlationId,
        now: denied.at,
      });
    } catch (error) {
      logger().error('Could not audit a denied access', { error });
    }
  },
};

export const loadCase = async (store: DynamoReportStore, reportId: string): Promise<LoadedCase> => {
  const report = await store.getReport(reportId);
  if (!report) throw new NotFoundError(new RecordNotFoundError().message);
  const [log, dispatches] = await Promise.all([
    store.getIncident(reportId),
    store.dispatchRequests(reportId),
  ]);
  return { report, log, dispatches };
};

export const reportPage = (
  loaded: LoadedCase,
  principal: Principal,
  now: Date,
  extra: Readonly<Record<string, unknown>> = {},
  status = 200,
): ViewResult =>
  view('online-report/report.njk', { ...reportPageContext(loaded, principal, now), ...extra }, { status });

/** Shows the report page after recording the view; used by the page itself and to show a refused form. */
export const auditedReportPage = async (
  request: PageRequest<Policy>,
  extra: Readonly<Record<string, unknown>> = {},
  status = 200,
): Promise<ViewResult> => {
  const reportId = reportIdOf(request);
  const loaded = await loadCase(reportStore(), reportId);
  await recordAccess(auditLog(), {
    principal: request.principal,
    caseRef: caseRefOf(reportId),
    action: 'view-report',
    outcome: 'allowed',
    correlationId: request.correlationId,
    now: request.now,
  });
  return reportPage(loaded, request.principal, request.now, extra, status);
};

export interface DecisionContext<Form> {
  readonly loaded: LoadedCase;
  readonly form: Form;
  readonly principal: Principal;
  readonly now: Date;
  readonly correlationId: string;
  readonly store: DynamoReportStore;
}

export interface StaffActionOptions<S extends z.ZodType> {
  readonly policy: Policy;
  readonly schema: S;
  /** The audit action, kebab case: `regrade-incident`. */
  readonly action: string;
  /** Domain field names to this form's field names, so a refusal is shown beside the right input. */
  readonly fields?: Readonly<Record<string, string>>;
  /** What the member of staff typed as their reason, for the audit entry. */
  readonly reason?: (form: z.output<S>) => string | undefined;
  /** Applies the rule (pure) and returns the write to make; throws the domain's refusals. */
  decide(context: DecisionContext<z.output<S>>): (() => Promise<void>) | Promise<() => Promise<void>>;
}

/**
 * A change to a report or its log from the report page: the form is validated, the rule applied, the
 * change audited (allowed, or denied when the rule says who may not), written, then back to the page.
 * A refused change shows the page again with the reason beside the field.
 */
export const staffAction = <S extends z.ZodType>(options: StaffActionOptions<S>): HttpHandler =>
  pageHandler({
    policy: options.policy,
    schema: options.schema,
    deniedAccess: auditedDeniedAccess,
    onInvalid: (request) => auditedReportPage(request),
    handle: async (request, form) => {
      const reportId = reportIdOf(request);
      const store = reportStore();
      const loaded = await loadCase(store, reportId);
      const access = {
        principal: request.principal,
        caseRef: caseRefOf(reportId),
        action: options.action,
        reason: options.reason?.(form),
        correlationId: request.correlationId,
        now: request.now,
      };
      let commit: () => Promise<void>;
      try {
        commit = await options.decide({
          loaded,
          form,
          principal: request.principal,
          now: request.now,
          correlationId: request.correlationId,
          store,
        });
      } catch (error) {
        if (error instanceof NotPermittedError) {
          await recordAccess(auditLog(), { ...access, outcome: 'denied' });
          throw new ForbiddenError(error.message);
        }
        if (error instanceof RuleRefusedError || error instanceof InvalidInputError) {
          const issues =
            error instanceof InvalidInputError
              ? error.issues
              : [{ field: error.field ?? 'form', message: error.message }];
          const errorList = issues.map((issue) => ({
            text: issue.message,
            href: `#${options.fields?.[issue.field] ?? issue.field}`,
          }));
          const errors = Object.fromEntries(
            issues.map((issue) => [options.fields?.[issue.field] ?? issue.field, { text: issue.message }]),
          );
          return auditedReportPage(request, { errorList, errors, values: request.form ?? {} }, 422);
        }
        if (error instanceof WrongStageError) throw new ConflictError(error.message);
        throw error;
      }
      await recordAccess(auditLog(), { ...access, outcome: 'allowed' });
      try {
        await commit();
      } catch (error) {
        if (error instanceof ConcurrentChangeError) throw new ConflictError(error.message);
        throw error;
      }
      return redirect(`/staff/online-reports/${reportId}`);
    },
  });

/** The log a change needs; a report without one cannot be graded, assessed or closed. */
export const requireLog = (loaded: LoadedCase) => {
  if (!loaded.log)
    throw new WrongStageError('This report has no incident log: it is not recorded as domestic abuse.');
  return loaded.log;
};
