import * as z from 'zod';

/** Raised at start-up when the environment lacks a value the process needs; names it, exits the process. */
export class MissingConfigurationError extends Error {
  constructor(readonly variables: readonly string[]) {
    super(
      `Missing or invalid environment variable${variables.length > 1 ? 's' : ''}: ${variables.join(', ')}`,
    );
    this.name = 'MissingConfigurationError';
  }
}

/**
 * Reads and validates environment variables once. Call at module load of a handler so a missing value
 * fails the cold start (naming the variable) instead of a request.
 */
export const readConfig = <Shape extends z.ZodRawShape>(
  shape: Shape,
  source: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<Shape>> => {
  const parsed = z.object(shape).safeParse(source);
  if (!parsed.success) {
    throw new MissingConfigurationError([
      ...new Set(parsed.error.issues.map((issue) => String(issue.path[0]))),
    ]);
  }
  return parsed.data;
};

/** A required, non-empty environment variable. */
export const required = () => z.string().min(1);
