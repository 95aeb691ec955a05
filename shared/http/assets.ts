/**
 * The static files every page needs (GOV.UK Frontend and MoJ Frontend styles, scripts, fonts and images,
 * and our own initialisation script). The local runtime serves these from disk; in AWS they are copied
 * to the assets bucket behind CloudFront. Paths are relative to the repository root.
 */
export interface StaticFile {
  readonly url: string;
  readonly file: string;
}

export interface StaticDirectory {
  readonly urlPrefix: string;
  readonly directory: string;
}

export const staticFiles: readonly StaticFile[] = [
  {
    url: '/assets/govuk-frontend.min.css',
    file: 'node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css',
  },
  {
    url: '/assets/govuk-frontend.min.js',
    file: 'node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js',
  },
  {
    url: '/assets/moj-frontend.min.css',
    file: 'node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.css',
  },
  {
    url: '/assets/moj-frontend.min.js',
    file: 'node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js',
  },
  {
    url: '/assets/manifest.json',
    file: 'node_modules/govuk-frontend/dist/govuk/assets/manifest.json',
  },
  { url: '/assets/application.mjs', file: 'shared/http/static/application.mjs' },
  { url: '/assets/application.css', file: 'shared/http/static/application.css' },
];

export const staticDirectories: readonly StaticDirectory[] = [
  { urlPrefix: '/assets/fonts/', directory: 'node_modules/govuk-frontend/dist/govuk/assets/fonts' },
  { urlPrefix: '/assets/images/', directory: 'node_modules/govuk-frontend/dist/govuk/assets/images' },
];
