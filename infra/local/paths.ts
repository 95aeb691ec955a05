import { fileURLToPath } from 'node:url';

/** The repository root, whatever directory the runtime was started from. */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
