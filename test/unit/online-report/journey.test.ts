import { describe, expect, it } from 'vitest';
import { checkAnswersStep } from '../../../services/online-report/domain/journey/definition.ts';
import {
  canVisit,
  checkAnswers,
  findPage,
  type JourneyAnswers,
  nextStep,
  readPage,
  stepAfterSave,
  validatePage,
  walk,
} from '../../../services/online-report/domain/journey/engine.ts';
import { completeAnswers, context } from './fixtures.ts';

const page = (id: string) => {
  const found = findPage(id);
  if (!found) throw new Error(`no page ${id}`);
  return found;
};

/** Posts a form to a page and returns where the journey goes next. */
const goesTo = (pageId: string, form: Record<string, string | string[]>): string => {
  const target = page(pageId);
  const check = validatePage(target, readPage(target, form), context);
  expect(check.errors).toEqual([]);
  return nextStep(target, check.values);
};

describe('Emergency screen: any yes ends on the stop page (000 §8.3.1 built-in safeguards)', () => {
  it.each([
    ['in-danger', { inDanger: 'yes' }],
    ['happening-now', { happeningNow: 'yes' }],
    ['suspect-present', { suspectPresent: 'yes' }],
    ['anyone-injured', { anyoneInjured: 'yes' }],
  ])('%s answered yes goes to the emergency stop page', (pageId, form) => {
    expect(goesTo(pageId, form)).toBe('stop-emergency');
  });

  it.each([
    ['in-danger', { inDanger: 'no' }, 'happening-now'],
    ['happening-now', { happeningNow: 'no' }, 'suspect-present'],
    ['suspect-present', { suspectPresent: 'no' }, 'anyone-injured'],
    ['anyone-injured', { anyoneInjured: 'no' }, 'what-happened'],
  ])('%s answered no goes on to %s', (pageId, form, expected) => {
    expect(goesTo(pageId, form)).toBe(expected);
  });

  it('every emergency question is marked so a rate limit never stands in front of its stop page', () => {
    expect(
      ['in-danger', 'happening-now', 'suspect-present', 'anyone-injured'].map((id) => page(id).emergency),
    ).toEqual([true, true, true, true]);
  });
});

describe('Categories the force does not take online are diverted (000 §8.3.1)', () => {
  it.each([
    ['weapon', 'call-999'],
    ['assault', 'call-101'],
    ['sexual-offence', 'call-101'],
    ['robbery', 'call-101'],
    ['burglary', 'call-101'],
    ['missing-person', 'call-101'],
    ['theft', 'when'],
    ['criminal-damage', 'when'],
    ['vehicle-crime', 'when'],
    ['nuisance-communications', 'when'],
    ['anti-social-behaviour', 'when'],
    ['other', 'when'],
  ])('%s goes to %s', (category, expected) => {
    expect(goesTo('what-happened', { category })).toBe(expected);
  });
});

describe('Journey branches about the person involved', () => {
  it('not knowing who did it skips to the person’s own details', () => {
    expect(goesTo('suspect-known', { suspectKnown: 'no' })).toBe('your-name');
  });

  it('knowing who did it asks who', () => {
    expect(goesTo('suspect-known', { suspectKnown: 'yes' })).toBe('suspect-details');
  });

  it('without their date of birth, asks their age band', () => {
    expect(goesTo('suspect-details', { suspectName: 'Alex Example' })).toBe('suspect-age');
  });

  it('with their date of birth, skips the age band', () => {
    expect(
      goesTo('suspect-details', {
        suspectName: 'Alex Example',
        'suspectDateOfBirth-day': '1',
        'suspectDateOfBirth-month': '2',
        'suspectDateOfBirth-year': '1985',
      }),
    ).toBe('relationship');
  });

  it('contact only at certain times asks which times', () => {
    expect(goesTo('safe-times', { safeTimes: 'certain-times' })).toBe('safe-times-detail');
  });

  it('contact at any time goes on to messages', () => {
    expect(goesTo('safe-times', { safeTimes: 'any-time' })).toBe('messages');
  });

  it('the last question leads to check your answers', () => {
    expect(goesTo('safe-word', {})).toBe(checkAnswersStep);
  });
});

describe('Safe contact: revealed questions count only under their option', () => {
  it('a phone number is required when phone is chosen', () => {
    const target = page('contact-methods');
    const check = validatePage(target, readPage(target, { contactMethods: 'phone' }), context);
    expect(check.errors.map((error) => error.text)).toEqual(['Enter a phone number']);
  });

  it('an email typed under an unchosen option is dropped, not kept', () => {
    const target = page('contact-methods');
    expect(
      readPage(target, { contactMethods: 'phone', phone: '07700 900982', email: 'someone@example.com' }),
    ).toEqual({
      contactMethods: ['phone'],
      phone: '07700 900982',
    });
  });

  it('an option not in the list is ignored as if not sent', () => {
    const target = page('contact-methods');
    const check = validatePage(target, readPage(target, { contactMethods: ['carrier-pigeon'] }), context);
    expect(check.errors.map((error) => error.text)).toEqual(['Select how we can contact you safely']);
  });
});

describe('Walking the journey (no skipping ahead, branches followed)', () => {
  it('a new journey may only open the first question', () => {
    expect([canVisit('in-danger', {}, context), canVisit('what-happened', {}, context)]).toEqual([
      true,
      false,
    ]);
  });

  it('answers on a branch no longer taken are ignored', () => {
    const answers = completeAnswers({ 'suspect-known': { suspectKnown: 'no' } });
    expect(walk(answers, context).visited.map((entry) => entry.page.id)).not.toContain('suspect-details');
  });

  it('changing an answer from check your answers returns there when nothing new is needed', () => {
    const answers = completeAnswers();
    const target = page('where');
    const values = validatePage(target, { location: 'Somewhere else' }, context).values;
    expect(stepAfterSave(target, values, answers, { ...context, reachedCheckAnswers: true })).toBe(
      checkAnswersStep,
    );
  });

  it('a change that opens a new question goes to it before check your answers', () => {
    const answers: JourneyAnswers = { ...completeAnswers({ 'suspect-known': { suspectKnown: 'no' } }) };
    const {
      'suspect-details': _details,
      'suspect-age': _age,
      relationship: _relationship,
      ...rest
    } = answers;
    const changed = { ...rest, 'suspect-known': { suspectKnown: 'yes' } };
    const target = page('suspect-known');
    expect(
      stepAfterSave(target, { suspectKnown: 'yes' }, changed, { ...context, reachedCheckAnswers: true }),
    ).toBe('suspect-details');
  });
});

describe('Check your answers re-validates every answer (DEFRA forms-engine pattern)', () => {
  it('a complete, valid journey gives the report to send', () => {
    const result = checkAnswers(completeAnswers(), context);
    expect(result.kind === 'valid' && result.report.suspect?.relationship).toBe('ex-partner');
  });

  it('a journey with a page unanswered resumes at that page', () => {
    const { messages: _messages, ...answers } = completeAnswers();
    expect(checkAnswers(answers, context)).toEqual({ kind: 'incomplete', resumeAt: 'messages' });
  });

  it('an answer stored valid but invalid now (tampered or rules changed) is asked again', () => {
    const answers = completeAnswers({ where: { location: 'x'.repeat(501) } });
    expect(checkAnswers(answers, context)).toEqual({ kind: 'incomplete', resumeAt: 'where' });
  });

  it('an incident before the person was born is refused across pages', () => {
    const answers = completeAnswers({
      when: { 'incidentDate-day': '1', 'incidentDate-month': '1', 'incidentDate-year': '1980' },
    });
    const result = checkAnswers(answers, context);
    expect(result.kind === 'invalid' && result.errors.map((error) => [error.href, error.text])).toEqual([
      ['/report/when', 'The date it happened must be on or after your date of birth'],
    ]);
  });

  it('every row can be changed on the page it came from', () => {
    const result = checkAnswers(completeAnswers(), context);
    const rows = result.kind === 'valid' ? result.rows : [];
    expect(rows.every((row) => row.changeHref === `/report/${row.pageId}`)).toBe(true);
  });

  it('a blank optional word to use reads "None"', () => {
    const result = checkAnswers(completeAnswers(), context);
    const rows = result.kind === 'valid' ? result.rows : [];
    expect(rows.find((row) => row.pageId === 'safe-word')?.lines).toEqual(['None']);
  });
});
