import { notFoundHandler } from '../../../shared/http/index.ts';

export const handler = notFoundHandler();
