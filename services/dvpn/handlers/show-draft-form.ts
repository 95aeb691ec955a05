import { pageHandler, view } from '../../../shared/http/index.ts';
import { activeRulesPack } from '../config.ts';
import { deniedAccessFor, policyOf } from '../http.ts';
import { packView } from '../view-models.ts';

/** Step 1: the draft form, under the rules pack in force. */
export const handler = pageHandler({
  policy: policyOf('GET /staff/dvpn/new'),
  deniedAccess: deniedAccessFor('show-draft-form'),
  handle: () =>
    view('dvpn/draft-form.njk', {
      pack: packView(activeRulesPack()),
      action: '/staff/dvpn/new',
      backHref: '/staff/dvpn',
    }),
});
