import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalEnvironmentError, loadLocalEnvironment } from '../../../shared/config/local-environment.ts';

let directory: string;

const writeEnvironment = (content: string): void => {
  mkdirSync(join(directory, '.local'), { recursive: true });
  writeFileSync(join(directory, '.local', 'environment.json'), content);
};

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'local-environment-'));
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe('Local environment for command-line tools', () => {
  it('loads the environment npm start wrote when no endpoint is set', () => {
    writeEnvironment(JSON.stringify({ AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000', TABLE_X: 'x' }));
    const env: NodeJS.ProcessEnv = {};

    const loaded = loadLocalEnvironment({ directory, env });

    expect(env).toEqual({ AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000', TABLE_X: 'x' });
    expect(loaded.sort()).toEqual(['AWS_ENDPOINT_URL_DYNAMODB', 'TABLE_X']);
  });

  it('leaves the environment alone when a DynamoDB endpoint is already chosen', () => {
    writeEnvironment(JSON.stringify({ TABLE_X: 'x' }));
    const env: NodeJS.ProcessEnv = { AWS_ENDPOINT_URL_DYNAMODB: 'http://elsewhere:8000' };

    loadLocalEnvironment({ directory, env });

    expect(env).toEqual({ AWS_ENDPOINT_URL_DYNAMODB: 'http://elsewhere:8000' });
  });

  it('keeps a variable the caller already set', () => {
    writeEnvironment(JSON.stringify({ AWS_REGION: 'eu-west-2', TABLE_X: 'x' }));
    const env: NodeJS.ProcessEnv = { AWS_REGION: 'eu-west-1' };

    loadLocalEnvironment({ directory, env });

    expect(env).toEqual({ AWS_REGION: 'eu-west-1', TABLE_X: 'x' });
  });

  it('does nothing when no local stack has written its environment', () => {
    const env: NodeJS.ProcessEnv = {};

    expect(loadLocalEnvironment({ directory, env })).toEqual([]);
    expect(env).toEqual({});
  });

  it('refuses a file that is not a flat object of strings, saying what to do', () => {
    writeEnvironment(JSON.stringify({ nested: { a: 1 } }));

    expect(() => loadLocalEnvironment({ directory, env: {} })).toThrow(LocalEnvironmentError);
    expect(() => loadLocalEnvironment({ directory, env: {} })).toThrow(/restart npm start/);
  });
});
