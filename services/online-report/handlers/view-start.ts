import { publicPageHandler } from '../../../shared/http/index.ts';
import { onlineCategoryLabels, publicView } from '../web/public-views.ts';

/** The start page: what can and cannot be reported online, and how to reach the police now. */
export const handler = publicPageHandler({
  policy: 'public',
  handle: () => publicView('start.njk', { onlineCategories: onlineCategoryLabels() }),
});
