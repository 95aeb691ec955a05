import { describe, expect, it } from 'vitest';
import { findPage } from '../../../services/online-report/domain/journey/engine.ts';
import { backHrefOf, questionView } from '../../../services/online-report/web/question-view.ts';
import { completeAnswers, context } from './fixtures.ts';

const page = (id: string) => {
  const found = findPage(id);
  if (!found) throw new Error(`no page ${id}`);
  return found;
};

describe('Question pages keep nothing sensitive in the browser', () => {
  it('a sensitive text field has autocomplete and spellcheck off', () => {
    const [field] = questionView(page('your-name'), {}, [], '/report').fields;
    expect([field?.params.autocomplete, field?.params.spellcheck]).toEqual(['off', false]);
  });

  it('every part of a date of birth has autocomplete off', () => {
    const [field] = questionView(page('your-date-of-birth'), {}, [], '/report').fields;
    const items = field?.params.items as { autocomplete: string }[];
    expect(items.map((item) => item.autocomplete)).toEqual(['off', 'off', 'off']);
  });
});

describe('Question pages follow the GOV.UK patterns', () => {
  it('a one-question page puts the question in the legend as the page heading', () => {
    const view = questionView(page('in-danger'), {}, [], '/report');
    const fieldset = view.fields[0]?.params.fieldset as { legend: { isPageHeading: boolean } } | undefined;
    expect([view.headingInField, fieldset?.legend.isPageHeading]).toEqual([true, true]);
  });

  it('a phone number is revealed under the phone option, with the typed value kept', () => {
    const view = questionView(
      page('contact-methods'),
      { contactMethods: ['phone'], phone: '0770' },
      [],
      '/report',
    );
    const choice = view.fields[0];
    const phone =
      choice && 'items' in choice ? choice.items.find((item) => item.value === 'phone') : undefined;
    expect([view.fields.length, phone?.checked, phone?.reveal[0]?.params.value]).toEqual([1, true, '0770']);
  });

  it('an error is shown on its own field', () => {
    const view = questionView(
      page('where'),
      {},
      [{ field: 'location', href: '#location', text: 'Enter where it happened' }],
      '/report',
    );
    expect(view.fields[0]?.params.errorMessage).toEqual({ text: 'Enter where it happened' });
  });

  it('the back link goes to the previous page on the path taken', () => {
    const answers = completeAnswers({ 'suspect-known': { suspectKnown: 'no' } });
    expect(backHrefOf('your-name', answers, context)).toBe('/report/suspect-known');
  });

  it('the first question goes back to the start page', () => {
    expect(backHrefOf('in-danger', {}, context)).toBe('/report');
  });
});
