import { recordAccess } from '../../../shared/audit/audit-log.ts';
import {
  type ApiRequest,
  apiHandler,
  ForbiddenError,
  json,
  NotFoundError,
} from '../../../shared/http/index.ts';
import { apiBodies } from '../api-schemas.ts';
import {
  apply,
  authorise,
  breach,
  type Caller,
  hearing,
  refuse,
  retryDocument,
  serve,
  submit,
} from '../case-service.ts';
import type { DvpnCase } from '../domain/model.ts';
import { summaryOf } from '../domain/summary.ts';
import { apiRefusal, bodyOf, callerOf, deniedAccessFor, dependencies, policyOf } from '../http.ts';
import { routePolicy } from '../manifest.ts';

const deps = dependencies();

type Action = 'submit' | 'decision' | 'retry-document' | 'service' | 'application' | 'hearing' | 'breaches';

const run = (action: Action, caller: Caller, id: string, body: unknown): Promise<DvpnCase> => {
  switch (action) {
    case 'submit':
      return submit(deps, caller, id);
    case 'retry-document':
      return retryDocument(deps, caller, id);
    case 'decision': {
      const decision = bodyOf(apiBodies.decision, body);
      return decision.decision === 'refuse'
        ? refuse(deps, caller, id, decision.reason)
        : authorise(deps, caller, id, decision);
    }
    case 'service':
      return serve(deps, caller, id, bodyOf(apiBodies.service, body));
    case 'application':
      return apply(deps, caller, id, bodyOf(apiBodies.application, body));
    case 'hearing':
      return hearing(deps, caller, id, bodyOf(apiBodies.hearing, body));
    case 'breaches':
      return breach(deps, caller, id, bodyOf(apiBodies.breaches, body));
  }
};

const actionOf = (request: ApiRequest): Action => {
  const last = request.path.split('/').at(-1) ?? '';
  if (!(last in apiBodies) || last === 'draft') throw new NotFoundError();
  return last as Action;
};

/**
 * Every case action over the API. The route admits any constable; the policy the manifest declares for the
 * action's own route is then checked here (refusals audited against the case) and again by the domain.
 */
export const handler = apiHandler({
  policy: routePolicy('view-case'),
  deniedAccess: deniedAccessFor('post-case-action'),
  handle: async (request) => {
    const action = actionOf(request);
    const id = request.params.id ?? '';
    const policy = policyOf(request.event.routeKey);
    if (!policy.allows(request.principal)) {
      await recordAccess(deps.auditLog, {
        principal: request.principal,
        caseRef: { service: 'dvpn', caseId: id },
        action: `api-${action}`,
        reason: `route policy: ${policy.description}`,
        outcome: 'denied',
        correlationId: request.correlationId,
        now: request.now,
      });
      throw new ForbiddenError();
    }
    return apiRefusal(async () => {
      const changed = await run(action, callerOf(request), id, request.body);
      return json({ summary: summaryOf(changed), case: changed });
    });
  },
});
