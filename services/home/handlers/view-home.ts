import { publicPageHandler, view } from '../../../shared/http/index.ts';

/** Where the public services start; their own manifests own these routes. */
const links = {
  reportOnline: '/report',
  claresLaw: '/clares-law',
};

export const handler = publicPageHandler({
  policy: 'public',
  handle: () => view('home/home.njk', { links }),
});
