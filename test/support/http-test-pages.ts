import * as z from 'zod';
import { atLeast } from '../../shared/auth/policy.ts';
import {
  inMemorySessionRevocations,
  type SessionRevocations,
} from '../../shared/auth/session-revocations.ts';
import { createTokenVerifier, type TokenVerifier } from '../../shared/auth/verify-token.ts';
import type { DeniedAccess, DeniedAccessRecorder } from '../../shared/http/denied-access.ts';
import {
  apiHandler,
  formFields,
  json,
  notFound,
  pageHandler,
  publicPageHandler,
  redirect,
  view,
} from '../../shared/http/index.ts';
import { diskTemplateSource, useTemplateSource } from '../../shared/http/templates.ts';

/** Templates of the test pages, extending the real layouts so the real components render. */
const templates: Readonly<Record<string, string>> = {
  'test/form.njk': `{% extends "layout.njk" %}
{% from "govuk/components/input/macro.njk" import govukInput %}
{% from "govuk/components/checkboxes/macro.njk" import govukCheckboxes %}
{% block title %}Your details{% endblock %}
{% block content %}
<form method="post" novalidate>
  <input type="hidden" name="_csrf" value="{{ csrfToken }}">
  {{ govukInput({ id: "fullName", name: "fullName", label: { text: "Full name" }, value: values.fullName, errorMessage: errors.fullName }) }}
  {{ govukCheckboxes({ idPrefix: "contact", name: "contact", fieldset: { legend: { text: "How can we contact you?" } },
       items: [{ value: "phone", text: "Phone", checked: "phone" in (values.contact or []) },
               { value: "letter", text: "Letter", checked: "letter" in (values.contact or []) }],
       errorMessage: errors.contact }) }}
  <button class="govuk-button">Continue</button>
</form>
{% endblock %}`,
  'test/staff.njk': `{% extends "staff-layout.njk" %}
{% block title %}Case{% endblock %}
{% block content %}<h1 class="govuk-heading-l">Case {{ caseId }}</h1>{% endblock %}`,
};

/** The real templates on disk plus the test pages'. */
export const useTestTemplates = (): void => {
  const disk = diskTemplateSource();
  useTemplateSource({ read: (name) => templates[name] ?? disk.read(name) });
};

export const DetailsForm = z.object({
  fullName: formFields.text('Enter your full name', {
    maxLength: 100,
    tooLong: 'Full name must be 100 characters or fewer',
  }),
  contact: formFields
    .choices(['phone', 'letter'], 'Select how we can contact you')
    .refine((value) => value.length > 0, {
      error: 'Select how we can contact you',
    }),
});

export interface RecordingDeniedAccess extends DeniedAccessRecorder {
  readonly denied: DeniedAccess[];
}

export const recordingDeniedAccess = (): RecordingDeniedAccess => {
  const denied: DeniedAccess[] = [];
  return {
    denied,
    recordDenied: async (entry) => {
      denied.push(entry);
    },
  };
};

export interface TestPageOptions {
  readonly tokenVerifier: TokenVerifier;
  readonly deniedAccess: DeniedAccessRecorder;
  /** Signed-out sessions; an empty in-memory set unless given. */
  readonly sessionRevocations?: SessionRevocations;
  readonly bodyLimitBytes?: number;
}

/**
 * Handlers built with the real stacks for the behaviours every page and API shares. CSRF_SECRET must be
 * in the environment before this is called.
 */
export const createTestPages = (options: TestPageOptions) => {
  useTestTemplates();
  const staff = {
    tokenVerifier: options.tokenVerifier,
    deniedAccess: options.deniedAccess,
    sessionRevocations: options.sessionRevocations ?? inMemorySessionRevocations(),
  };
  const submitted: z.output<typeof DetailsForm>[] = [];
  return {
    submitted,
    showForm: publicPageHandler({ policy: 'public', handle: () => view('test/form.njk') }),
    submitForm: publicPageHandler({
      policy: 'public',
      schema: DetailsForm,
      bodyLimitBytes: options.bodyLimitBytes,
      onInvalid: () => view('test/form.njk'),
      handle: (_request, form) => {
        submitted.push(form);
        return redirect('/test/done');
      },
    }),
    missingPage: publicPageHandler({ policy: 'public', handle: () => notFound() }),
    failingPage: publicPageHandler({
      policy: 'public',
      handle: () => {
        throw new Error('Table cases-table-xyz refused the write for Jane Example');
      },
    }),
    viewCase: pageHandler({
      ...staff,
      policy: atLeast('inspector'),
      handle: ({ params, principal }) =>
        view('test/staff.njk', { caseId: params.id, who: principal.subject }),
    }),
    updateCase: pageHandler({
      ...staff,
      policy: atLeast('inspector'),
      handle: ({ params }) => redirect(`/test/cases/${params.id}`),
    }),
    readNotes: apiHandler({
      ...staff,
      policy: atLeast('sergeant'),
      handle: ({ principal, params }) => json({ caseId: params.id, readBy: principal.collarNumber }),
    }),
    addNote: apiHandler({
      ...staff,
      policy: atLeast('sergeant'),
      schema: z.object({
        note: z.string().min(1, { error: 'Enter a note' }),
        priority: z.enum(['low', 'high']),
      }),
      bodyLimitBytes: options.bodyLimitBytes,
      handle: (_request, body) => json({ saved: body.priority }, 201),
    }),
    failingApi: apiHandler({
      policy: 'public',
      handle: () => {
        throw new Error('Table cases-table-xyz refused the write for Jane Example');
      },
    }),
  };
};

export type TestPages = ReturnType<typeof createTestPages>;

/**
 * Test pages with no one able to sign in (the issuer does not exist): for the behaviours of public pages and
 * of requests refused before a session is looked at. CSRF_SECRET must be in the environment first.
 */
export const signedOutTestPages = () =>
  createTestPages({
    tokenVerifier: createTokenVerifier({
      issuer: 'https://issuer.invalid',
      audience: 'x',
      jwksUri: 'https://issuer.invalid/jwks',
    }),
    deniedAccess: recordingDeniedAccess(),
  });
