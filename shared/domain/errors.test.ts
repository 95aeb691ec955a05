import { describe, expect, it } from 'vitest';
import {
  CaseNotFoundError,
  ConcurrentChangeError,
  DomainError,
  InvalidInputError,
  NotPermittedError,
  RuleRefusedError,
  WrongStageError,
} from './errors.ts';

describe('Domain refusals shared by the case workflows', () => {
  it.each([
    ['not permitted', new NotPermittedError('Only an inspector may do this.'), 403],
    ['invalid input', new InvalidInputError([{ field: 'reason', message: 'Enter a reason.' }]), 400],
    ['case not found', new CaseNotFoundError('There is no case with that reference.'), 404],
    ['wrong stage', new WrongStageError('This case is already closed.'), 409],
    ['concurrent change', new ConcurrentChangeError(), 409],
    ['rule refused', new RuleRefusedError('Give a rationale.', 'APP DVDS', 'rationale'), 422],
  ])(
    'a refusal (%s) is a DomainError carrying the status the HTTP layer shows it with',
    (_kind, error, status) => {
      expect(error).toBeInstanceOf(DomainError);
      expect(error.status).toBe(status);
    },
  );

  it("a refusal's name stays the same in a minified bundle: the audit log records it as the reason", () => {
    // A subclass under another class name stands in for a class whose name the minifier has changed.
    class Renamed extends WrongStageError {}

    const error = new Renamed('This case is already closed.');

    expect(error.name).toBe('WrongStageError');
  });

  it('a service names its own "not found" while staying a 404 CaseNotFoundError', () => {
    class RecordNotFoundError extends CaseNotFoundError {
      override readonly name = 'RecordNotFoundError';
      constructor() {
        super('There is no report with that reference.');
      }
    }

    const error = new RecordNotFoundError();

    expect(error).toBeInstanceOf(CaseNotFoundError);
    expect([error.name, error.status, error.message]).toEqual([
      'RecordNotFoundError',
      404,
      'There is no report with that reference.',
    ]);
  });

  it('a concurrent change says to reload and check, unless the service words it itself', () => {
    const general = new ConcurrentChangeError();
    const worded = new ConcurrentChangeError('Someone else changed this record at the same time.');

    expect(general.message).toBe(
      'Someone else changed this case at the same time. Reload it and check before trying again.',
    );
    expect(worded.message).toBe('Someone else changed this record at the same time.');
  });

  it('invalid input shows its first issue, or a general message when none is given', () => {
    const withIssues = new InvalidInputError([
      { field: 'dateOfBirth', message: 'Enter a date of birth.', anchor: 'dateOfBirth-day' },
      { field: 'reason', message: 'Enter a reason.' },
    ]);
    const withoutIssues = new InvalidInputError([]);

    expect(withIssues.message).toBe('Enter a date of birth.');
    expect(withoutIssues.message).toBe('The details given are not valid.');
  });
});
