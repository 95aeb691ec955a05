import { type ViewResult, view } from '../../../shared/http/results.ts';
import { categories } from '../domain/categories.ts';

/** The name public pages carry in their title and header. */
export const publicServiceName = 'Report an incident online';

export const publicView = (
  template: string,
  context: Readonly<Record<string, unknown>> = {},
  options: { readonly status?: number; readonly cookies?: readonly string[] } = {},
): ViewResult => view(`online-report/${template}`, { serviceName: publicServiceName, ...context }, options);

export const onlineCategoryLabels = (): string[] =>
  categories
    .filter((category) => category.route === 'online')
    .map((category) => category.label.toLowerCase());

export const tooManyRequests = (cookies: readonly string[] = []): ViewResult =>
  publicView(
    'refused.njk',
    {
      heading: 'Please wait before trying again',
      explanation:
        'There have been a lot of attempts to use this form from your connection. Wait 10 minutes, then try again. If it is urgent, call us.',
    },
    { status: 429, cookies },
  );

export const notSent = (cookies: readonly string[] = []): ViewResult =>
  publicView(
    'refused.njk',
    {
      heading: 'Your report could not be sent',
      explanation: 'Something about the form you sent was not right. Please call us instead.',
    },
    { status: 400, cookies },
  );
