import type { Principal } from '../../shared/auth/principal.ts';
import { type ViewResult, view } from '../../shared/http/index.ts';
import { openCase } from './case-service.ts';
import { CaseNotFoundError } from './domain/errors.ts';
import { casePage, grantPeriodOptions } from './view-models.ts';
import { callerOf, caseNotFound, dependencies } from './web.ts';

interface CaseRequest {
  readonly principal: Principal;
  readonly now: Date;
  readonly correlationId: string;
  readonly params: Readonly<Record<string, string>>;
}

/** The case page, opened (and so audited and alerted) for this person; the one "not found" otherwise. */
export const showCase = async (
  request: CaseRequest,
  extra: Readonly<Record<string, unknown>> = {},
): Promise<ViewResult> => {
  try {
    const file = await openCase(dependencies(), callerOf(request), request.params.id ?? '');
    return view('restricted-cases/case.njk', {
      ...casePage(file, request.principal, request.now),
      grantPeriods: grantPeriodOptions,
      ...extra,
    });
  } catch (error) {
    if (error instanceof CaseNotFoundError) return caseNotFound();
    throw error;
  }
};

export const caseHref = (id: string): string => `/staff/restricted-cases/cases/${id}`;
