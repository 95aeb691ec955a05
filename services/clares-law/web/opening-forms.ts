import type { Principal } from '../../../shared/auth/principal.ts';
import { type ViewResult, view } from '../../../shared/http/index.ts';
import { type FormSection, initialContactSections, rightToKnowSections } from '../domain/staff-forms.ts';
import { caseReaders } from '../manifest.ts';
import { staffWording } from './form-view.ts';

const sectionsForView = (sections: readonly FormSection[]) =>
  sections.map((section) => ({ ...section, fields: staffWording(section.fields) }));

export const initialContactView = (context: Record<string, unknown> = {}, status = 200): ViewResult =>
  view(
    'clares-law/staff-form.njk',
    {
      title: 'Record an application',
      intro: [
        'For a right-to-ask application made by phone, in person at a station or through a partner agency. Ask the same questions as the online form. Agree a safe means of contact before anything else.',
        'If anyone is in immediate danger, deal with that first.',
      ],
      sections: sectionsForView(initialContactSections),
      formAction: '/staff/clares-law/new',
      submitLabel: 'Record application',
      backHref: '/staff/clares-law',
      values: {},
      ...context,
    },
    { status },
  );

export const rightToKnowView = (context: Record<string, unknown> = {}, status = 200): ViewResult =>
  view(
    'clares-law/staff-form.njk',
    {
      title: 'Raise a right-to-know case',
      intro: [
        'For information received that suggests someone may be at risk of harm from a partner. An inspector or above must authorise the case before it proceeds.',
      ],
      sections: sectionsForView(rightToKnowSections),
      formAction: '/staff/clares-law/right-to-know/new',
      submitLabel: 'Raise case for authorisation',
      backHref: '/staff/clares-law',
      values: {},
      ...context,
    },
    { status },
  );

/** Whether the person who recorded a case may open it (contact centre staff may record but not read cases). */
export const mayReadCases = (principal: Principal): boolean => caseReaders.allows(principal);
