import { ranks, StaffGrade } from '../../../shared/auth/principal.ts';
import { type HolidaySource, londonDateOf, londonWallClockOf } from '../../../shared/calendar/index.ts';
import { InvalidInputError } from './errors.ts';
import { FormReader, type RawFields } from './form-reader.ts';
import type { FieldSpec, Option } from './journey.ts';
import { type DvdsCase, safeContactOf } from './model.ts';
import type { CaseAction } from './stage-machine.ts';
import {
  type Agency,
  agencies,
  agencyLabels,
  type Category,
  type CheckKind,
  type ConcernFactor,
  type ContactMethod,
  categories,
  categoryLabels,
  checkKindLabels,
  checkKinds,
  concernFactorLabels,
  concernFactors,
  contactMethodLabels,
  contactMethods,
  contactOutcomeLabels,
  contactOutcomes,
  type Forum,
  forumLabels,
  forums,
  type IdentityDocument,
  identityDocumentLabels,
  identityDocuments,
  type NoConcernGround,
  noConcernGroundLabels,
  noConcernGrounds,
  recipientRoleLabels,
  recipientRoles,
  riskLevels,
} from './vocabulary.ts';
import {
  authoriseRightToKnow,
  type Change,
  type Context,
  categorise,
  decideProgression,
  fastTrack,
  logContactAttempt,
  missingChecks,
  recordCheck,
  recordDisclosure,
  recordExceptionalCircumstances,
  recordForumDecision,
  recordImmediateRisk,
  recordIntelligence,
  recordMeeting,
  recordNoDisclosureOutcome,
  recordRiskAssessment,
  takeOwnership,
  withdraw,
} from './workflow.ts';

/**
 * The staff form for each step: its questions (declared data, rendered by one template) and how the
 * posted answers become the step's input. Every field is read with a GOV.UK message before the workflow
 * applies the scheme's rules, so a refusal is always a message beside a field or at the top of the form.
 */
export interface ActionForm {
  readonly title: string;
  readonly submitLabel: string;
  readonly fields: (dvdsCase: DvdsCase) => readonly FieldSpec[];
  /** Values a fresh form starts with (today's date, the time now). */
  readonly defaults?: (now: Date) => RawFields;
  readonly perform: (
    reader: FormReader,
    dvdsCase: DvdsCase,
    context: Context,
    holidays: HolidaySource,
  ) => Change | undefined;
}

const yesNo = (conditionalYes?: readonly FieldSpec[], conditionalNo?: readonly FieldSpec[]): Option[] => [
  { value: 'yes', label: 'Yes', ...(conditionalYes ? { conditional: conditionalYes } : {}) },
  { value: 'no', label: 'No', ...(conditionalNo ? { conditional: conditionalNo } : {}) },
];

const labelled = <T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>): Option[] =>
  values.map((value) => ({ value, label: labels[value] }));

const confirm = (name: string, label: string): FieldSpec => ({
  kind: 'checkboxes',
  name,
  label,
  options: [{ value: 'yes', label: 'Yes, confirmed' }],
});

const whenFields = (prefix: string, label: string): FieldSpec[] => [
  { kind: 'date', name: prefix, label: `${label}: date`, hint: 'For example, 27 3 2026' },
  {
    kind: 'text',
    name: `${prefix}Time`,
    label: `${label}: time`,
    hint: 'For example, 14:30 or 2:30pm',
    width: '4',
  },
];

const nowDefaults =
  (...prefixes: string[]) =>
  (now: Date): RawFields => {
    const wall = londonWallClockOf(now);
    const [year, month, day] = londonDateOf(now).split('-');
    return Object.fromEntries(
      prefixes.flatMap((prefix) => [
        [`${prefix}-day`, String(Number(day))],
        [`${prefix}-month`, String(Number(month))],
        [`${prefix}-year`, year ?? ''],
        [`${prefix}Time`, `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`],
      ]),
    );
  };

const when = (reader: FormReader, prefix: string, label: string, now: Date): Date | undefined =>
  reader.instant(prefix, `${prefix}Time`, { label, now, notAfterNow: true });

const rationale = (reader: FormReader, name: string, required: string, max = 5000): string | undefined =>
  reader.text(name, { label: 'Rationale', max, required });

const checkResultOptions: Option[] = [
  { value: 'no-trace', label: 'No trace' },
  { value: 'trace', label: 'Trace: information found' },
];

const officerRanks = [...ranks, StaffGrade.value] as const;
const rankOptions: Option[] = officerRanks.map((rank) => ({
  value: rank,
  label:
    rank === 'police-staff' ? 'Police staff' : rank.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()),
}));

export const actionForms: Readonly<Record<CaseAction, ActionForm>> = {
  'authorise-right-to-know': {
    title: 'Authorise the right to know',
    submitLabel: 'Record decision',
    fields: () => [
      {
        kind: 'radios',
        name: 'authorised',
        label: 'Do you authorise this right-to-know case to proceed?',
        inline: true,
        options: yesNo(),
      },
      { kind: 'textarea', name: 'rationale', label: 'Rationale', rows: 4 },
    ],
    perform: (reader, dvdsCase, context) => {
      const authorised = reader.yesNo('authorised', 'Select yes if you authorise the case to proceed');
      const text = rationale(reader, 'rationale', 'Enter the rationale for your decision');
      return reader.finish(() =>
        authoriseRightToKnow(dvdsCase, { authorised: authorised === true, rationale: text ?? '' }, context),
      );
    },
  },
  'record-check': {
    title: 'Record an initial check',
    submitLabel: 'Record check',
    fields: (dvdsCase) => [
      {
        kind: 'radios',
        name: 'kind',
        label: 'Which check?',
        hint:
          missingChecks(dvdsCase).length > 0
            ? `Still needed: ${missingChecks(dvdsCase)
                .map((kind) => checkKindLabels[kind])
                .join(', ')}`
            : 'All the minimum checks are recorded',
        options: checkKinds.map((kind) => ({
          value: kind,
          label: checkKindLabels[kind],
          ...(kind === 'pnc'
            ? {
                conditional: [
                  {
                    kind: 'radios',
                    name: 'visorMarker',
                    label: 'For a PNC check: does the subject have a ViSOR marker on the PNC?',
                    inline: true,
                    options: yesNo(),
                  } satisfies FieldSpec,
                ],
              }
            : {}),
        })),
      },
      ...whenFields('checkedAt', 'When the check was made'),
      { kind: 'radios', name: 'result', label: 'Result', inline: true, options: checkResultOptions },
      {
        kind: 'textarea',
        name: 'summary',
        label: 'What the check found',
        hint: 'Write "No trace" if nothing was found',
        rows: 4,
      },
    ],
    defaults: nowDefaults('checkedAt'),
    perform: (reader, dvdsCase, context) => {
      const kind = reader.choice<CheckKind>('kind', checkKinds, 'Select which check you made');
      const visorMarker =
        kind === 'pnc'
          ? reader.yesNo('visorMarker', 'Select yes if the subject has a ViSOR marker on the PNC')
          : undefined;
      const checkedAt = when(reader, 'checkedAt', 'When the check was made', context.now);
      const result = reader.choice(
        'result',
        ['no-trace', 'trace'] as const,
        'Select the result of the check',
      );
      const summary = reader.text('summary', {
        label: 'What the check found',
        max: 3000,
        required: 'Enter what the check found',
      });
      return reader.finish(() =>
        kind && checkedAt && result && summary
          ? recordCheck(
              dvdsCase,
              { kind, checkedAt, result, summary, ...(visorMarker !== undefined ? { visorMarker } : {}) },
              context,
            )
          : undefined,
      );
    },
  },
  'decide-progression': {
    title: 'Decide whether to progress the application',
    submitLabel: 'Record decision',
    fields: (dvdsCase) => [
      {
        kind: 'radios',
        name: 'progress',
        label: 'Will the application progress?',
        options: yesNo(
          undefined,
          dvdsCase.route === 'right-to-ask'
            ? [
                confirm(
                  'supportDetailsGiven',
                  'If not progressing: was the applicant given details of local support services and the National Domestic Abuse Helpline (0808 2000 247)?',
                ),
              ]
            : undefined,
        ),
      },
      {
        kind: 'radios',
        name: 'immediateRisk',
        label: 'Did the checks show an immediate or imminent risk of harm to the potential victim?',
        hint: 'Yes notifies the unit supervisors and the Force Response inspector at once',
        inline: true,
        options: yesNo(),
      },
      {
        kind: 'textarea',
        name: 'rationale',
        label: 'Rationale, based on the initial risk assessment',
        rows: 5,
      },
    ],
    perform: (reader, dvdsCase, context) => {
      const progress = reader.yesNo('progress', 'Select yes if the application will progress');
      const supportDetailsGiven =
        progress === false && dvdsCase.route === 'right-to-ask'
          ? reader.confirmed(
              'supportDetailsGiven',
              'Confirm the applicant was given support details and the helpline',
            )
          : undefined;
      const immediateRisk = reader.yesNo(
        'immediateRisk',
        'Select yes if the checks showed an immediate risk of harm',
      );
      const text = rationale(reader, 'rationale', 'Enter the rationale for the decision', 3000);
      return reader.finish(() =>
        decideProgression(
          dvdsCase,
          {
            progress: progress === true,
            rationale: text ?? '',
            immediateRiskIdentified: immediateRisk === true,
            ...(supportDetailsGiven ? { supportDetailsGiven } : {}),
          },
          context,
        ),
      );
    },
  },
  'record-meeting': {
    title: 'Record the face-to-face meeting',
    submitLabel: 'Record meeting',
    fields: () => [
      ...whenFields('heldAt', 'When the meeting was held'),
      { kind: 'text', name: 'place', label: 'Where the meeting was held' },
      {
        kind: 'checkboxes',
        name: 'identityDocuments',
        label: "Documents seen to verify the applicant's identity",
        hint: 'Select two or more different documents',
        options: labelled(identityDocuments, identityDocumentLabels),
      },
      confirm('preliminaryWarningsGiven', 'Were the preliminary warnings given?'),
      {
        kind: 'radios',
        name: 'requestMalicious',
        label: 'Is the request malicious?',
        hint: 'A malicious request is not progressed',
        inline: true,
        options: yesNo(),
      },
      { kind: 'textarea', name: 'maliceAssessment', label: 'Why you reached that view', rows: 4 },
      confirm(
        'confidentialityUndertakingExplained',
        'Was the need for a confidentiality undertaking by whoever receives a disclosure explained?',
      ),
      confirm(
        'informationPackGiven',
        'Was the information pack given (including the National Domestic Abuse Helpline)?',
      ),
      { kind: 'textarea', name: 'furtherDetails', label: 'Further details obtained (optional)', rows: 5 },
    ],
    defaults: nowDefaults('heldAt'),
    perform: (reader, dvdsCase, context) => {
      const heldAt = when(reader, 'heldAt', 'When the meeting was held', context.now);
      const place = reader.text('place', {
        label: 'Place',
        max: 300,
        required: 'Enter where the meeting was held',
      });
      const documents = reader.choices<IdentityDocument>(
        'identityDocuments',
        identityDocuments,
        "Select the documents that verified the applicant's identity",
      );
      if (documents.length === 1) {
        reader.fail(
          'identityDocuments',
          "Select two different documents that verified the applicant's identity",
        );
      }
      const warnings = reader.confirmed(
        'preliminaryWarningsGiven',
        'Confirm the preliminary warnings were given',
      );
      const malicious = reader.yesNo('requestMalicious', 'Select yes if the request is malicious');
      const maliceAssessment = rationale(reader, 'maliceAssessment', 'Enter why you reached that view', 3000);
      const explained = reader.confirmed(
        'confidentialityUndertakingExplained',
        'Confirm the need for a confidentiality undertaking was explained',
      );
      const pack = reader.confirmed('informationPackGiven', 'Confirm the information pack was given');
      const furtherDetails = reader.text('furtherDetails', { label: 'Further details', max: 5000 });
      return reader.finish(() =>
        heldAt && place && malicious !== undefined && maliceAssessment
          ? recordMeeting(
              dvdsCase,
              {
                heldAt,
                place,
                identityDocuments: documents,
                preliminaryWarningsGiven: warnings === true,
                requestMalicious: malicious,
                maliceAssessment,
                confidentialityUndertakingExplained: explained === true,
                informationPackGiven: pack === true,
                ...(furtherDetails ? { furtherDetails } : {}),
              },
              context,
            )
          : undefined,
      );
    },
  },
  'record-risk-assessment': {
    title: 'Record the full risk assessment',
    submitLabel: 'Record risk assessment',
    fields: () => [
      ...whenFields('completedAt', 'When the assessment was completed'),
      { kind: 'text', name: 'tool', label: 'Risk assessment tool', hint: 'For example, DASH', width: '10' },
      {
        kind: 'radios',
        name: 'level',
        label: 'Risk level',
        hint: 'High risk notifies the Force Response inspector (threat to life) and should go to MARAC',
        inline: true,
        options: riskLevels.map((level) => ({
          value: level,
          label: level.charAt(0).toUpperCase() + level.slice(1),
        })),
      },
      { kind: 'textarea', name: 'summary', label: 'Summary of the assessment', rows: 5 },
    ],
    defaults: (now) => ({ ...nowDefaults('completedAt')(now), tool: 'DASH' }),
    perform: (reader, dvdsCase, context) => {
      const completedAt = when(reader, 'completedAt', 'When the assessment was completed', context.now);
      const tool = reader.text('tool', {
        label: 'Risk assessment tool',
        max: 60,
        required: 'Enter the risk assessment tool',
      });
      const level = reader.choice('level', riskLevels, 'Select the risk level');
      const summary = reader.text('summary', {
        label: 'Summary',
        max: 3000,
        required: 'Enter a summary of the assessment',
      });
      return reader.finish(() =>
        completedAt && tool && level && summary
          ? recordRiskAssessment(dvdsCase, { completedAt, tool, level, summary }, context)
          : undefined,
      );
    },
  },
  categorise: {
    title: "Categorise as 'concern' or 'no concern'",
    submitLabel: 'Record and refer to the forum',
    fields: () => [
      {
        kind: 'radios',
        name: 'category',
        label: 'Category',
        options: [
          {
            value: 'concern',
            label: categoryLabels.concern,
            hint: 'The potential victim is at risk of harm from the subject',
            conditional: [
              {
                kind: 'checkboxes',
                name: 'concernFactors',
                label: "If 'concern': the factors (relevant, but not conclusive)",
                options: labelled(concernFactors, concernFactorLabels),
              },
            ],
          },
          {
            value: 'no-concern',
            label: categoryLabels['no-concern'],
            conditional: [
              {
                kind: 'checkboxes',
                name: 'noConcernGrounds',
                label: "If 'no concern': why",
                options: labelled(noConcernGrounds, noConcernGroundLabels),
              },
            ],
          },
        ],
      },
      { kind: 'textarea', name: 'rationale', label: 'Rationale', rows: 5 },
    ],
    perform: (reader, dvdsCase, context) => {
      const category = reader.choice<Category>('category', categories, "Select 'concern' or 'no concern'");
      const factors =
        category === 'concern'
          ? reader.choices<ConcernFactor>(
              'concernFactors',
              concernFactors,
              "Select the factors that make this a 'concern'",
            )
          : [];
      const grounds =
        category === 'no-concern'
          ? reader.choices<NoConcernGround>(
              'noConcernGrounds',
              noConcernGrounds,
              "Select why this is 'no concern'",
            )
          : [];
      const text = rationale(reader, 'rationale', 'Enter the rationale for the categorisation');
      return reader.finish(() =>
        category
          ? categorise(
              dvdsCase,
              { category, concernFactors: factors, noConcernGrounds: grounds, rationale: text ?? '' },
              context,
            )
          : undefined,
      );
    },
  },
  'record-forum-decision': {
    title: "Record the forum's decision",
    submitLabel: 'Record decision',
    fields: (dvdsCase) => [
      {
        kind: 'radios',
        name: 'forum',
        label: 'Which forum decided?',
        options: forums
          .filter((forum) => forum !== 'urgent-inspector-decision' || dvdsCase.fastTrack)
          .map((forum) => ({ value: forum, label: forumLabels[forum] })),
      },
      ...whenFields('decidedAt', 'When the forum decided'),
      { kind: 'text', name: 'decisionReference', label: 'Meeting or decision reference', width: '20' },
      {
        kind: 'checkboxes',
        name: 'agencies',
        label: 'Agencies that took part',
        hint: "A multi-agency body needs, as a minimum, police, probation, the IDVA service, and children's social care if children are affected",
        options: labelled(agencies, agencyLabels),
      },
      {
        kind: 'radios',
        name: 'category',
        label: "The forum's finding",
        inline: true,
        options: labelled(categories, categoryLabels),
      },
      {
        kind: 'radios',
        name: 'decision',
        label: 'Decision',
        options: [
          { value: 'disclose', label: 'Disclose' },
          { value: 'do-not-disclose', label: 'Do not disclose' },
        ],
      },
      { kind: 'textarea', name: 'rationale', label: 'Rationale for the decision', rows: 5 },
      {
        kind: 'radios',
        name: 'representationsSought',
        label: 'Were representations sought from the subject?',
        hint: 'Consider whether there are good reasons not to, such as an urgent need to disclose or greater risk to the potential victim',
        options: yesNo(
          [
            {
              kind: 'textarea',
              name: 'representationsSummary',
              label: 'If sought: summary of the representations',
              rows: 3,
            },
          ],
          [{ kind: 'textarea', name: 'representationsReason', label: 'If not sought: why not', rows: 3 }],
        ),
      },
      { kind: 'heading', name: 'disclosureHeading', label: 'If disclosing' },
      confirm('necessary', 'Is disclosure necessary to protect the potential victim from crime?'),
      confirm('pressingNeed', 'Is there a pressing need for the disclosure?'),
      confirm(
        'proportionate',
        "Is the interference with the subject's rights necessary and proportionate for the prevention of crime?",
      ),
      { kind: 'textarea', name: 'what', label: 'What will be disclosed', rows: 5 },
      { kind: 'text', name: 'recipientName', label: 'Who will receive it: full name', spellcheck: false },
      {
        kind: 'radios',
        name: 'recipientRole',
        label: 'Who they are',
        hint: 'The person best placed to safeguard the potential victim',
        options: labelled(recipientRoles, recipientRoleLabels),
      },
      { kind: 'text', name: 'recipientRelationship', label: 'Their relationship to the potential victim' },
      { kind: 'text', name: 'disclosingAgency', label: 'Which agency will disclose' },
      ...whenFields('plannedFor', 'When it will be disclosed (in person)'),
      { kind: 'text', name: 'disclosurePlace', label: 'Where it will be disclosed (a safe place)' },
      { kind: 'heading', name: 'managingHeading', label: 'Managing the subject' },
      {
        kind: 'text',
        name: 'subjectReferredTo',
        label: 'Referral of the subject to MAPPA, IOM or another framework (optional)',
      },
    ],
    defaults: (now) => ({ ...nowDefaults('decidedAt')(now), disclosingAgency: 'Police' }),
    perform: (reader, dvdsCase, context) => {
      const forum = reader.choice<Forum>('forum', forums, 'Select which forum decided');
      const decidedAt = when(reader, 'decidedAt', 'When the forum decided', context.now);
      const decisionReference = reader.text('decisionReference', {
        label: 'Reference',
        max: 60,
        required: 'Enter the meeting or decision reference',
      });
      const agencyList = reader.choices<Agency>('agencies', agencies, 'Select the agencies that took part');
      const category = reader.choice<Category>('category', categories, "Select the forum's finding");
      const decision = reader.choice(
        'decision',
        ['disclose', 'do-not-disclose'] as const,
        'Select the decision',
      );
      const text = rationale(
        reader,
        'rationale',
        'Enter the rationale for the decision: a decision without rationale cannot be recorded',
      );
      const sought = reader.yesNo(
        'representationsSought',
        'Select yes if representations were sought from the subject',
      );
      const summary =
        sought === true
          ? reader.text('representationsSummary', {
              label: 'Summary',
              max: 3000,
              required: 'Enter a summary of the representations',
            })
          : undefined;
      const reason =
        sought === false
          ? reader.text('representationsReason', {
              label: 'Reason',
              max: 3000,
              required: 'Enter why representations were not sought',
            })
          : undefined;
      const disclosing = decision === 'disclose';
      const necessary = disclosing
        ? reader.confirmed(
            'necessary',
            'Confirm disclosure is necessary to protect the potential victim from crime',
          )
        : undefined;
      const pressingNeed = disclosing
        ? reader.confirmed('pressingNeed', 'Confirm there is a pressing need for the disclosure')
        : undefined;
      const proportionate = disclosing
        ? reader.confirmed(
            'proportionate',
            "Confirm the interference with the subject's rights is necessary and proportionate",
          )
        : undefined;
      const plan = disclosing
        ? {
            what: reader.text('what', {
              label: 'What will be disclosed',
              max: 5000,
              required: 'Enter what will be disclosed',
            }),
            recipientName: reader.text('recipientName', {
              label: 'Full name',
              max: 120,
              required: 'Enter the full name of who will receive the disclosure',
            }),
            recipientRole: reader.choice(
              'recipientRole',
              recipientRoles,
              'Select who will receive the disclosure',
            ),
            relationship: reader.text('recipientRelationship', {
              label: 'Relationship',
              max: 200,
              required: 'Enter their relationship to the potential victim',
            }),
            agency: reader.text('disclosingAgency', {
              label: 'Agency',
              max: 200,
              required: 'Enter which agency will disclose',
            }),
            plannedFor: reader.instant('plannedFor', 'plannedForTime', {
              label: 'When it will be disclosed',
              now: context.now,
            }),
            place: reader.text('disclosurePlace', {
              label: 'Place',
              max: 300,
              required: 'Enter where it will be disclosed',
            }),
          }
        : undefined;
      const subjectReferredTo = reader.text('subjectReferredTo', { label: 'Referral', max: 500 });
      return reader.finish(() => {
        if (!forum || !decidedAt || !decisionReference || !category || !decision || sought === undefined)
          return undefined;
        const representations = sought
          ? { sought: true as const, summary: summary ?? '' }
          : { sought: false as const, reasonNotSought: reason ?? '' };
        const fullPlan =
          plan?.what &&
          plan.recipientName &&
          plan.recipientRole &&
          plan.relationship &&
          plan.agency &&
          plan.plannedFor &&
          plan.place
            ? {
                what: plan.what,
                recipient: {
                  fullName: plan.recipientName,
                  role: plan.recipientRole,
                  relationship: plan.relationship,
                },
                agency: plan.agency,
                plannedFor: plan.plannedFor.toISOString(),
                place: plan.place,
              }
            : undefined;
        return recordForumDecision(
          dvdsCase,
          {
            forum,
            decidedAt,
            decisionReference,
            agencies: agencyList,
            category,
            decision,
            rationale: text ?? '',
            necessary: necessary === true,
            pressingNeed: pressingNeed === true,
            proportionate: proportionate === true,
            representations,
            ...(fullPlan ? { plan: fullPlan } : {}),
            ...(subjectReferredTo ? { subjectReferredTo } : {}),
          },
          context,
        );
      });
    },
  },
  'record-disclosure': {
    title: 'Record the disclosure',
    submitLabel: 'Record disclosure',
    fields: () => [
      ...whenFields('disclosedAt', 'When the disclosure was made'),
      { kind: 'text', name: 'place', label: 'Where it was made' },
      {
        kind: 'text',
        name: 'accompaniedByName',
        label: 'Accompanying officer or staff member: name (optional)',
        spellcheck: false,
      },
      {
        kind: 'radios',
        name: 'accompaniedByRank',
        label: 'Their rank (optional)',
        options: rankOptions,
      },
      { kind: 'text', name: 'accompaniedByCollar', label: 'Their collar number (optional)', width: '10' },
      confirm(
        'recipientToldOfConditions',
        'Was the recipient told the information is only to safeguard the potential victim, that they must keep it confidential, and that legal proceedings could result if they do not?',
      ),
      {
        kind: 'radios',
        name: 'undertaking',
        label: 'Confidentiality undertaking',
        options: [
          { value: 'signed', label: 'Signed by the recipient' },
          {
            value: 'refused-went-ahead',
            label: 'Refused, and the disclosure went ahead for the safety of the potential victim',
            conditional: [
              {
                kind: 'textarea',
                name: 'undertakingRationaleAhead',
                label: 'If refused and the disclosure went ahead: rationale',
                rows: 3,
              },
            ],
          },
          {
            value: 'refused-not-made',
            label: 'Refused, and the disclosure was not made',
            conditional: [
              {
                kind: 'textarea',
                name: 'undertakingRationaleNotMade',
                label: 'If refused and the disclosure was not made: rationale',
                rows: 3,
              },
            ],
          },
        ],
      },
      {
        kind: 'textarea',
        name: 'verbatim',
        label: 'The words disclosed, exactly as said',
        hint: 'Recorded verbatim, signed and kept by the police. It is never given to the applicant.',
        rows: 10,
      },
      {
        kind: 'radios',
        name: 'informationPackGiven',
        label: 'Was the information pack given?',
        options: yesNo(undefined, [
          { kind: 'text', name: 'reasonPackNotGiven', label: 'If not given: why not' },
        ]),
      },
    ],
    defaults: nowDefaults('disclosedAt'),
    perform: (reader, dvdsCase, context) => {
      const disclosedAt = when(reader, 'disclosedAt', 'When the disclosure was made', context.now);
      const place = reader.text('place', {
        label: 'Place',
        max: 300,
        required: 'Enter where the disclosure was made',
      });
      const accompaniedName = reader.text('accompaniedByName', { label: 'Name', max: 120 });
      const accompaniedRank = reader.choice('accompaniedByRank', officerRanks);
      const accompaniedCollar = reader.text('accompaniedByCollar', { label: 'Collar number', max: 20 });
      if (accompaniedName && (!accompaniedRank || !accompaniedCollar)) {
        if (!accompaniedRank) reader.fail('accompaniedByRank', 'Select the accompanying officer’s rank');
        if (!accompaniedCollar)
          reader.fail('accompaniedByCollar', 'Enter the accompanying officer’s collar number');
      }
      const told = reader.confirmed(
        'recipientToldOfConditions',
        'Confirm the recipient was told the conditions of the disclosure',
      );
      const undertaking = reader.choice(
        'undertaking',
        ['signed', 'refused-went-ahead', 'refused-not-made'] as const,
        'Select what happened to the confidentiality undertaking',
      );
      const undertakingRationale =
        undertaking === 'refused-went-ahead'
          ? reader.text('undertakingRationaleAhead', {
              label: 'Rationale',
              max: 3000,
              required: 'Enter the rationale for going ahead',
            })
          : undertaking === 'refused-not-made'
            ? reader.text('undertakingRationaleNotMade', {
                label: 'Rationale',
                max: 3000,
                required: 'Enter the rationale for not making the disclosure',
              })
            : undefined;
      const verbatim =
        undertaking === 'refused-not-made'
          ? ''
          : (reader.text('verbatim', {
              label: 'The words disclosed',
              max: 30_000,
              required: 'Enter the words disclosed, exactly as said',
              verbatim: true,
            }) ?? '');
      const pack = reader.yesNo('informationPackGiven', 'Select yes if the information pack was given');
      const reasonPackNotGiven =
        pack === false
          ? reader.text('reasonPackNotGiven', {
              label: 'Reason',
              max: 500,
              required: 'Enter why the information pack was not given',
            })
          : undefined;
      return reader.finish(() => {
        if (!disclosedAt || !place || !undertaking || pack === undefined) return undefined;
        return recordDisclosure(
          dvdsCase,
          {
            disclosedAt,
            place,
            ...(accompaniedName && accompaniedRank && accompaniedCollar
              ? {
                  accompaniedBy: {
                    name: accompaniedName,
                    rank: accompaniedRank,
                    collarNumber: accompaniedCollar,
                  },
                }
              : {}),
            recipientToldOfConditions: told === true,
            undertaking:
              undertaking === 'signed'
                ? { status: 'signed' }
                : {
                    status: 'refused',
                    outcome:
                      undertaking === 'refused-went-ahead' ? 'disclosure-went-ahead' : 'disclosure-not-made',
                    rationale: undertakingRationale ?? '',
                  },
            verbatim,
            informationPackGiven: pack,
            ...(reasonPackNotGiven ? { reasonPackNotGiven } : {}),
          },
          context,
        );
      });
    },
  },
  'record-no-disclosure-outcome': {
    title: 'Record telling the applicant there is nothing to disclose',
    submitLabel: 'Record',
    fields: () => [
      ...whenFields('toldAt', 'When the applicant was told'),
      { kind: 'text', name: 'place', label: 'Where they were told' },
      confirm('toldInPerson', 'Was the applicant told in person?'),
      confirm(
        'advisedNoInformationIsNotNoRisk',
        'Were they advised that no information to disclose does not mean there is no risk, and to report any future concerns?',
      ),
      confirm(
        'informationPackGiven',
        'Was the information pack given (including the National Domestic Abuse Helpline)?',
      ),
      { kind: 'textarea', name: 'notes', label: 'Notes (optional)', rows: 3 },
    ],
    defaults: nowDefaults('toldAt'),
    perform: (reader, dvdsCase, context) => {
      const toldAt = when(reader, 'toldAt', 'When the applicant was told', context.now);
      const place = reader.text('place', {
        label: 'Place',
        max: 300,
        required: 'Enter where the applicant was told',
      });
      const inPerson = reader.confirmed('toldInPerson', 'Confirm the applicant was told in person');
      const advised = reader.confirmed(
        'advisedNoInformationIsNotNoRisk',
        'Confirm the applicant was told that no information does not mean no risk',
      );
      const pack = reader.confirmed('informationPackGiven', 'Confirm the information pack was given');
      const notes = reader.text('notes', { label: 'Notes', max: 3000 });
      return reader.finish(() =>
        toldAt && place
          ? recordNoDisclosureOutcome(
              dvdsCase,
              {
                toldAt,
                place,
                toldInPerson: inPerson === true,
                advisedNoInformationIsNotNoRisk: advised === true,
                informationPackGiven: pack === true,
                ...(notes ? { notes } : {}),
              },
              context,
            )
          : undefined,
      );
    },
  },
  'record-intelligence': {
    title: 'Submit the final intelligence record',
    submitLabel: 'Record and close the case',
    fields: () => [
      { kind: 'text', name: 'reference', label: 'Intelligence record reference', width: '20' },
      {
        kind: 'text',
        name: 'systems',
        label: 'Systems it was submitted to',
        hint: 'For example, local intelligence system and PND',
      },
      {
        kind: 'textarea',
        name: 'summary',
        label: 'Summary: the request, the outcome and the parties involved',
        rows: 5,
      },
    ],
    defaults: () => ({ systems: 'Local intelligence system and PND' }),
    perform: (reader, dvdsCase, context) => {
      const reference = reader.text('reference', {
        label: 'Reference',
        max: 60,
        required: 'Enter the intelligence record reference',
      });
      const systems = reader.text('systems', {
        label: 'Systems',
        max: 300,
        required: 'Enter the systems it was submitted to',
      });
      const summary = reader.text('summary', {
        label: 'Summary',
        max: 5000,
        required: 'Enter a summary of the record',
      });
      return reader.finish(() =>
        reference && systems && summary
          ? recordIntelligence(dvdsCase, { reference, systems, summary }, context)
          : undefined,
      );
    },
  },
  withdraw: {
    title: 'Record that the application was withdrawn',
    submitLabel: 'Record withdrawal',
    fields: () => [{ kind: 'textarea', name: 'reason', label: 'Why the application was withdrawn', rows: 4 }],
    perform: (reader, dvdsCase, context) => {
      const reason = reader.text('reason', {
        label: 'Reason',
        max: 3000,
        required: 'Enter why the application was withdrawn',
      });
      return reader.finish(() => withdraw(dvdsCase, { reason: reason ?? '' }, context));
    },
  },
  'record-immediate-risk': {
    title: 'Record an immediate risk',
    submitLabel: 'Record and notify now',
    fields: () => [
      {
        kind: 'textarea',
        name: 'description',
        label: 'What is the immediate or imminent risk?',
        hint: 'The unit supervisors and the Force Response inspector are notified at once. Take immediate safeguarding action.',
        rows: 5,
      },
    ],
    perform: (reader, dvdsCase, context) => {
      const description = reader.text('description', {
        label: 'Description',
        max: 3000,
        required: 'Enter what the immediate risk is',
      });
      return reader.finish(() => recordImmediateRisk(dvdsCase, { description: description ?? '' }, context));
    },
  },
  'fast-track': {
    title: 'Fast-track to a decision',
    submitLabel: 'Fast-track',
    fields: () => [{ kind: 'textarea', name: 'reason', label: 'Why the case is fast-tracked', rows: 4 }],
    perform: (reader, dvdsCase, context) => {
      const reason = reader.text('reason', {
        label: 'Reason',
        max: 3000,
        required: 'Enter why the case is fast-tracked',
      });
      return reader.finish(() => fastTrack(dvdsCase, { reason: reason ?? '' }, context));
    },
  },
  'record-exceptional-circumstances': {
    title: 'Record exceptional circumstances',
    submitLabel: 'Record',
    fields: () => [
      { kind: 'textarea', name: 'reason', label: 'The exceptional circumstances', rows: 4 },
      {
        kind: 'date',
        name: 'revisedDueDate',
        label: 'The decision is now due by',
        hint: 'For example, 27 3 2026',
      },
    ],
    perform: (reader, dvdsCase, context, holidays) => {
      const reason = reader.text('reason', {
        label: 'Reason',
        max: 3000,
        required: 'Enter the exceptional circumstances',
      });
      const revisedDueDate = reader.date('revisedDueDate', {
        label: 'The new date',
        required: 'Enter the date the decision is now due by',
        today: londonDateOf(context.now),
      });
      return reader.finish(() =>
        revisedDueDate
          ? recordExceptionalCircumstances(
              dvdsCase,
              { reason: reason ?? '', revisedDueDate },
              context,
              holidays,
            )
          : undefined,
      );
    },
  },
  'log-contact-attempt': {
    title: 'Log a contact attempt',
    submitLabel: 'Log contact',
    fields: (dvdsCase) => {
      const agreed = safeContactOf(dvdsCase)?.methods ?? [];
      return [
        {
          kind: 'radios',
          name: 'method',
          label: 'How?',
          hint:
            agreed.length > 0
              ? `Agreed: ${agreed.map((method) => contactMethodLabels[method].toLowerCase()).join(', ')}. Any other way is refused.`
              : 'No safe means of contact is agreed: any contact is refused.',
          options: labelled(contactMethods, contactMethodLabels),
        },
        ...whenFields('at', 'When'),
        {
          kind: 'radios',
          name: 'outcome',
          label: 'Outcome',
          options: labelled(contactOutcomes, contactOutcomeLabels),
        },
        { kind: 'textarea', name: 'note', label: 'Note (optional)', rows: 3 },
      ];
    },
    defaults: nowDefaults('at'),
    perform: (reader, dvdsCase, context) => {
      const method = reader.choice<ContactMethod>('method', contactMethods, 'Select how you made contact');
      const at = when(reader, 'at', 'When', context.now);
      const outcome = reader.choice('outcome', contactOutcomes, 'Select the outcome');
      const note = reader.text('note', { label: 'Note', max: 1000 });
      return reader.finish(() =>
        method && at && outcome
          ? logContactAttempt(dvdsCase, { method, at, outcome, ...(note ? { note } : {}) }, context)
          : undefined,
      );
    },
  },
  'take-ownership': {
    title: 'Take ownership of this case',
    submitLabel: 'Take ownership',
    fields: () => [],
    perform: (reader, dvdsCase, context) => reader.finish(() => takeOwnership(dvdsCase, context)),
  },
};

/** Reads the posted form for a step and applies it: the one way a staff form changes a case. */
export const performAction = (
  action: CaseAction,
  dvdsCase: DvdsCase,
  fields: RawFields,
  context: Context,
  holidays: HolidaySource,
): Change => {
  const reader = new FormReader(fields);
  const change = actionForms[action].perform(reader, dvdsCase, context, holidays);
  // Every path that returns nothing has recorded an issue already; this guards a form that forgot to.
  if (!change) throw new InvalidInputError([{ field: 'form', message: 'Check the answers and try again' }]);
  return change;
};
