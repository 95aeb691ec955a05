import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../services/clares-law/domain/errors.ts';
import type { RawFields } from '../../../services/clares-law/domain/form-reader.ts';
import {
  applicationPages,
  firstIncompletePageId,
  mergePageAnswers,
  nextPageId,
  pageById,
  readApplication,
  readPage,
} from '../../../services/clares-law/domain/journey.ts';

const today = '2026-03-09';

/** A complete set of answers for someone asking about their own partner. */
const answers = (overrides: RawFields = {}): RawFields => ({
  forWhom: 'myself',
  applicantName: 'Alex Example',
  'applicantDob-day': '27',
  'applicantDob-month': '3',
  'applicantDob-year': '1990',
  applicantAddress: '1 Test Street\nAB1 2CD',
  childrenAffected: 'no',
  subjectName: 'Sam Subject',
  subjectAge: '40',
  subjectRelationship: 'partner',
  howYouKnowThem: 'My boyfriend',
  concernKinds: ['coercive-control', 'threats'],
  whyAsking: 'He reads my messages.',
  contactMethods: ['phone'],
  contactPhone: '07700 900982',
  safeTimes: ['weekday-morning'],
  mayLeaveMessage: 'no',
  consentToShare: 'yes',
  ...overrides,
});

const issuesOf = (attempt: () => unknown): { field: string; message: string }[] => {
  try {
    attempt();
  } catch (error) {
    if (error instanceof InvalidInputError) return [...error.issues];
    throw error;
  }
  return [];
};

describe('Right-to-ask application journey (APP DVDS "Initial contact"; GOV.UK patterns)', () => {
  it('builds the application from complete answers', () => {
    // Arrange
    const complete = answers();

    // Act
    const application = readApplication(complete, today);

    // Assert
    expect(application).toMatchObject({
      applicantIsPersonAtRisk: true,
      applicant: { fullName: 'Alex Example', dateOfBirth: '1990-03-27' },
      subject: { fullName: 'Sam Subject', approximateAge: 40, relationshipToPersonAtRisk: 'partner' },
      concerns: { kinds: ['coercive-control', 'threats'] },
      safeContact: {
        methods: ['phone'],
        phone: '07700 900982',
        safeTimes: ['weekday-morning'],
        mayLeaveMessage: false,
      },
      consentToShare: true,
    });
  });

  it('accepts names in non-Latin scripts and stores them exactly as typed', () => {
    // Arrange
    const complete = answers({
      applicantName: 'Zoë Ó Briain',
      subjectName: 'محمد علي',
      subjectAliases: '王小明\nИван Петров',
    });

    // Act
    const application = readApplication(complete, today);

    // Assert
    expect(application.applicant.fullName).toBe('Zoë Ó Briain');
    expect(application.subject.fullName).toBe('محمد علي');
    expect(application.subject.aliases).toEqual(['王小明', 'Иван Петров']);
  });

  it('gives the GOV.UK date messages: missing part, not real, not in the past', () => {
    // Arrange
    const page = pageById('your-details');
    if (!page) throw new Error('no page');

    // Act
    const missingMonth = issuesOf(() => readPage(page, answers({ 'applicantDob-month': '' }), today));
    const notReal = issuesOf(() =>
      readPage(page, answers({ 'applicantDob-day': '30', 'applicantDob-month': '2' }), today),
    );
    const future = issuesOf(() => readPage(page, answers({ 'applicantDob-year': '2030' }), today));

    // Assert
    expect(missingMonth).toEqual([
      expect.objectContaining({ field: 'applicantDob', message: 'Date of birth must include a month' }),
    ]);
    expect(notReal).toEqual([expect.objectContaining({ message: 'Date of birth must be a real date' })]);
    expect(future).toEqual([expect.objectContaining({ message: 'Date of birth must be in the past' })]);
  });

  it('asks for the subject’s date of birth or their approximate age', () => {
    // Arrange
    const page = pageById('subject');
    if (!page) throw new Error('no page');

    // Act
    const issues = issuesOf(() => readPage(page, answers({ subjectAge: '' }), today));

    // Assert
    expect(issues).toEqual([
      expect.objectContaining({
        field: 'subjectDob',
        message: 'Enter their date of birth or their approximate age',
      }),
    ]);
  });

  it('asks for the details of each contact method chosen', () => {
    // Arrange
    const page = pageById('contact-method');
    if (!page) throw new Error('no page');

    // Act
    const issues = issuesOf(() =>
      readPage(
        page,
        answers({
          contactMethods: ['phone', 'email'],
          contactPhone: 'call me',
          contactEmail: 'not-an-email',
        }),
        today,
      ),
    );

    // Assert
    expect(issues.map((issue) => issue.field)).toEqual(['contactPhone', 'contactEmail']);
  });

  it('refuses a time marked both safe and never safe', () => {
    // Arrange
    const page = pageById('contact-times');
    if (!page) throw new Error('no page');

    // Act
    const issues = issuesOf(() => readPage(page, answers({ unsafeTimes: ['weekday-morning'] }), today));

    // Assert
    expect(issues).toEqual([expect.objectContaining({ field: 'unsafeTimes' })]);
  });

  it('skips the questions about another person when asking for yourself', () => {
    // Arrange
    const forSelf = answers();
    const forOther = answers({ forWhom: 'someone-else' });

    // Act
    const nextForSelf = nextPageId('who-is-at-risk', forSelf);
    const nextForOther = nextPageId('who-is-at-risk', forOther);

    // Assert
    expect(nextForSelf).toBe('your-details');
    expect(nextForOther).toBe('relationship');
  });

  it('asking for someone else needs the person at risk and how the applicant knows them', () => {
    // Arrange
    const incomplete = answers({ forWhom: 'someone-else' });

    // Act
    const resume = firstIncompletePageId(incomplete, today);
    const issues = issuesOf(() => readApplication(incomplete, today));

    // Assert
    expect(resume).toBe('relationship');
    expect(issues.map((issue) => issue.field)).toEqual(['relationshipToPersonAtRisk', 'personAtRiskName']);
  });

  it('posting a page replaces only that page’s answers, so unticking a checkbox clears it', () => {
    // Arrange
    const page = pageById('concerns');
    if (!page) throw new Error('no page');

    // Act
    const merged = mergePageAnswers(answers(), page, { whyAsking: 'Changed' });

    // Assert
    expect(merged.concernKinds).toBeUndefined();
    expect(merged.whyAsking).toBe('Changed');
    expect(merged.applicantName).toBe('Alex Example');
  });

  it('refuses a name made only of spaces and a name over 120 characters', () => {
    // Arrange
    const page = pageById('your-details');
    if (!page) throw new Error('no page');

    // Act
    const blank = issuesOf(() => readPage(page, answers({ applicantName: '   ' }), today));
    const long = issuesOf(() => readPage(page, answers({ applicantName: 'ب'.repeat(121) }), today));

    // Assert
    expect(blank[0]?.message).toBe('Enter your full name');
    expect(long[0]?.message).toBe('Full name must be 120 characters or less');
  });

  it('every question in the journey has a unique field name', () => {
    // Arrange
    const names = applicationPages.flatMap((page) =>
      page.fields.flatMap((field) =>
        field.kind === 'radios' || field.kind === 'checkboxes'
          ? [
              field.name,
              ...field.options.flatMap((option) => (option.conditional ?? []).map((nested) => nested.name)),
            ]
          : [field.name],
      ),
    );

    // Act
    const duplicates = names.filter((name, index) => names.indexOf(name) !== index);

    // Assert
    expect(duplicates).toEqual([]);
  });
});
