import type { Principal } from '../../shared/auth/principal.ts';
import { type ViewResult, view } from '../../shared/http/index.ts';
import { caseHref } from './case-pages.ts';
import { viewSafeguardingRequest } from './case-service.ts';
import { CaseNotFoundError } from './domain/errors.ts';
import { grantPeriodOptions, grantView } from './view-models.ts';
import { callerOf, caseNotFound, dependencies } from './web.ts';

interface GrantRequest {
  readonly principal: Principal;
  readonly now: Date;
  readonly correlationId: string;
  readonly params: Readonly<Record<string, string>>;
}

/**
 * A safeguarding request for PSD or a chief inspector to decide, or emergency access for PSD to review. The
 * decider sees the request and who made it, not the case. Looking is audited; anyone else gets "not found".
 */
export const showGrant = async (request: GrantRequest): Promise<ViewResult> => {
  try {
    const found = await viewSafeguardingRequest(
      dependencies(),
      callerOf(request),
      request.params.id ?? '',
      request.params.grantId ?? '',
    );
    const caseId = found.file.case.id;
    return view('restricted-cases/grant.njk', {
      caseId,
      caseHref: caseHref(caseId),
      g: grantView(caseId, found.grant, request.now),
      grantPeriods: grantPeriodOptions,
      isPsd: request.principal.department === 'PSD',
    });
  } catch (error) {
    if (error instanceof CaseNotFoundError) return caseNotFound();
    throw error;
  }
};
