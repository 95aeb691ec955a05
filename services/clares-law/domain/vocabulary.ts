import * as z from 'zod';

/**
 * The words of the Domestic Violence Disclosure Scheme as the service stores them (values) and shows them
 * (labels). Source: APP "Domestic violence disclosure scheme" (seed 002) and DOMAIN.md §2.
 */

/** The two entry routes (002 "There are two entry routes to making a disclosure"). */
export const entryRoutes = ['right-to-ask', 'right-to-know'] as const;
export const EntryRoute = z.enum(entryRoutes);
export type EntryRoute = z.infer<typeof EntryRoute>;
export const entryRouteLabels: Readonly<Record<EntryRoute, string>> = {
  'right-to-ask': 'Right to ask',
  'right-to-know': 'Right to know',
};

/** How a right-to-ask request reached the police (002 "may be made in person ... by telephone ... online"). */
export const contactChannels = ['online', 'phone', 'station', 'partner-agency'] as const;
export const ContactChannel = z.enum(contactChannels);
export type ContactChannel = z.infer<typeof ContactChannel>;
export const contactChannelLabels: Readonly<Record<ContactChannel, string>> = {
  online: 'Online application',
  phone: 'By phone',
  station: 'In person at a police station',
  'partner-agency': 'Through a partner agency',
};

/** Where right-to-know information came from (002 "The 'right to know' entry route"). */
export const informationSources = [
  'criminal-investigation',
  'partner-agency',
  'intelligence',
  'operational-contact',
] as const;
export const InformationSource = z.enum(informationSources);
export type InformationSource = z.infer<typeof InformationSource>;
export const informationSourceLabels: Readonly<Record<InformationSource, string>> = {
  'criminal-investigation': 'A criminal investigation',
  'partner-agency': 'A partner agency (information-sharing meeting or referral)',
  intelligence: 'Intelligence',
  'operational-contact': 'Routine operational contact with either person',
};

/** Risk indicators the applicant can name (002 "specific indicators of risk"). */
export const concernKinds = ['assault', 'threats', 'coercive-control', 'stalking', 'other'] as const;
export const ConcernKind = z.enum(concernKinds);
export type ConcernKind = z.infer<typeof ConcernKind>;
export const concernKindLabels: Readonly<Record<ConcernKind, string>> = {
  assault: 'Physical violence or assault',
  threats: 'Threats',
  'coercive-control': 'Coercive or controlling behaviour',
  stalking: 'Stalking or harassment',
  other: 'Something else',
};

/** How the applicant asking about someone else knows the person at risk. */
export const relationshipsToPersonAtRisk = [
  'family',
  'friend',
  'neighbour',
  'professional',
  'other',
] as const;
export const RelationshipToPersonAtRisk = z.enum(relationshipsToPersonAtRisk);
export type RelationshipToPersonAtRisk = z.infer<typeof RelationshipToPersonAtRisk>;
export const relationshipToPersonAtRiskLabels: Readonly<Record<RelationshipToPersonAtRisk, string>> = {
  family: 'A family member',
  friend: 'A friend',
  neighbour: 'A neighbour',
  professional: 'I work with them (for example as a support worker)',
  other: 'Other',
};

/** The subject's relationship to the person at risk: the scheme is about partners (000 §9.13). */
export const subjectRelationships = ['partner', 'ex-partner', 'new-relationship', 'other'] as const;
export const SubjectRelationship = z.enum(subjectRelationships);
export type SubjectRelationship = z.infer<typeof SubjectRelationship>;
export const subjectRelationshipLabels: Readonly<Record<SubjectRelationship, string>> = {
  partner: 'Their current partner',
  'ex-partner': 'Their ex-partner',
  'new-relationship': 'Someone they are starting a relationship with',
  other: 'Other',
};

/**
 * Ways the police may contact the applicant (002 "A safe means of communication must be agreed ... place,
 * means and timing"). Letters are not among them: nothing is ever sent in writing (DOMAIN.md §2).
 */
export const contactMethods = ['phone', 'email', 'in-person', 'support-worker'] as const;
export const ContactMethod = z.enum(contactMethods);
export type ContactMethod = z.infer<typeof ContactMethod>;
export const contactMethodLabels: Readonly<Record<ContactMethod, string>> = {
  phone: 'Phone call',
  email: 'Email',
  'in-person': 'In person at a police station',
  'support-worker': 'Through a named support worker',
};

/** Parts of the week the applicant marks safe or unsafe, in London time. */
export const contactPeriods = [
  'weekday-morning',
  'weekday-afternoon',
  'weekday-evening',
  'weekend-morning',
  'weekend-afternoon',
  'weekend-evening',
  'night',
] as const;
export const ContactPeriod = z.enum(contactPeriods);
export type ContactPeriod = z.infer<typeof ContactPeriod>;
export const contactPeriodLabels: Readonly<Record<ContactPeriod, string>> = {
  'weekday-morning': 'Weekday mornings (8am to 12pm)',
  'weekday-afternoon': 'Weekday afternoons (12pm to 5pm)',
  'weekday-evening': 'Weekday evenings (5pm to 9pm)',
  'weekend-morning': 'Weekend mornings (8am to 12pm)',
  'weekend-afternoon': 'Weekend afternoons (12pm to 5pm)',
  'weekend-evening': 'Weekend evenings (5pm to 9pm)',
  night: 'Night (9pm to 8am)',
};

/** The minimum checks (002 "These checks must, as a minimum, include"). */
export const checkKinds = ['pnc', 'pnd', 'visor', 'local-intelligence'] as const;
export const CheckKind = z.enum(checkKinds);
export type CheckKind = z.infer<typeof CheckKind>;
export const checkKindLabels: Readonly<Record<CheckKind, string>> = {
  pnc: 'Police National Computer (PNC)',
  pnd: 'Police National Database (PND)',
  visor: 'Violent and Sex Offenders Register (ViSOR)',
  'local-intelligence': 'Local intelligence systems',
};

export const checkResults = ['no-trace', 'trace'] as const;
export const CheckResult = z.enum(checkResults);
export type CheckResult = z.infer<typeof CheckResult>;

/** Documents that verify the applicant's identity at the meeting (002 "Verification of the applicant's identity"). */
export const identityDocuments = [
  'passport',
  'driving-licence',
  'birth-certificate',
  'national-identity-card',
  'utility-bill',
  'bank-statement',
  'benefits-letter',
  'other',
] as const;
export const IdentityDocument = z.enum(identityDocuments);
export type IdentityDocument = z.infer<typeof IdentityDocument>;
export const identityDocumentLabels: Readonly<Record<IdentityDocument, string>> = {
  passport: 'Passport',
  'driving-licence': 'Driving licence',
  'birth-certificate': 'Birth certificate',
  'national-identity-card': 'National identity card',
  'utility-bill': 'Utility bill',
  'bank-statement': 'Bank statement',
  'benefits-letter': 'Benefits letter',
  other: 'Other official document',
};

/** DASH risk levels (000 §9.2). */
export const riskLevels = ['standard', 'medium', 'high'] as const;
export const RiskLevel = z.enum(riskLevels);
export type RiskLevel = z.infer<typeof RiskLevel>;

/** 002 "Referral to the local decision-making forum". */
export const categories = ['concern', 'no-concern'] as const;
export const Category = z.enum(categories);
export type Category = z.infer<typeof Category>;
export const categoryLabels: Readonly<Record<Category, string>> = {
  concern: 'Concern',
  'no-concern': 'No concern',
};

/** 002 "Concern": factors that are relevant, but not conclusive. */
export const concernFactors = [
  'unspent-convictions',
  'serial-perpetrator',
  'previous-violence-intelligence',
  'concerning-behaviour-towards-potential-victim',
] as const;
export const ConcernFactor = z.enum(concernFactors);
export type ConcernFactor = z.infer<typeof ConcernFactor>;
export const concernFactorLabels: Readonly<Record<ConcernFactor, string>> = {
  'unspent-convictions': 'Unspent convictions related to domestic violence',
  'serial-perpetrator': 'The subject is a serial perpetrator of domestic violence',
  'previous-violence-intelligence':
    'Existing intelligence about previous violent offending (cases not proceeded with, behaviour towards previous partners including coercive control, spent convictions)',
  'concerning-behaviour-towards-potential-victim':
    'Concerning behaviour by the subject towards the potential victim, including coercive control',
};

/** 002 "No concern". */
export const noConcernGrounds = [
  'no-relevant-unspent-convictions',
  'no-other-information',
  'insufficient-information',
] as const;
export const NoConcernGround = z.enum(noConcernGrounds);
export type NoConcernGround = z.infer<typeof NoConcernGround>;
export const noConcernGroundLabels: Readonly<Record<NoConcernGround, string>> = {
  'no-relevant-unspent-convictions': 'The subject has no relevant unspent convictions',
  'no-other-information': 'No other intelligence or information suggests the subject may cause harm',
  'insufficient-information': 'There is insufficient intelligence or information to register a concern',
};

/** 002: "Ideally this forum should be the MARAC, but where this is not possible ... a multi-agency body". */
export const forums = ['marac', 'multi-agency-body', 'urgent-inspector-decision'] as const;
export const Forum = z.enum(forums);
export type Forum = z.infer<typeof Forum>;
export const forumLabels: Readonly<Record<Forum, string>> = {
  marac: 'MARAC (multi-agency risk assessment conference)',
  'multi-agency-body': 'Multi-agency body',
  'urgent-inspector-decision': 'Urgent decision by an inspector (immediate risk)',
};

/** 002: the multi-agency body consists, as a minimum, of these (children's social care when children are affected). */
export const agencies = [
  'police',
  'probation',
  'idva',
  'childrens-social-care',
  'health',
  'housing',
  'other',
] as const;
export const Agency = z.enum(agencies);
export type Agency = z.infer<typeof Agency>;
export const agencyLabels: Readonly<Record<Agency, string>> = {
  police: 'Police',
  probation: 'Probation service',
  idva: 'Independent domestic violence adviser (IDVA) service',
  'childrens-social-care': "Local Authority Children's Social Care",
  health: 'Health',
  housing: 'Housing',
  other: 'Other',
};

export const disclosureDecisions = ['disclose', 'do-not-disclose'] as const;
export const DisclosureDecision = z.enum(disclosureDecisions);
export type DisclosureDecision = z.infer<typeof DisclosureDecision>;

/** The person best placed to safeguard (002 "to whom the disclosure should be made"). */
export const recipientRoles = ['applicant', 'potential-victim', 'third-party'] as const;
export const RecipientRole = z.enum(recipientRoles);
export type RecipientRole = z.infer<typeof RecipientRole>;
export const recipientRoleLabels: Readonly<Record<RecipientRole, string>> = {
  applicant: 'The applicant',
  'potential-victim': 'The potential victim',
  'third-party': 'Someone else best placed to safeguard the potential victim',
};

/** What happened to the application, for the figures (002 "Performance management"; 003 §18-19). */
export const outcomes = ['disclosed', 'not-disclosed', 'withdrawn', 'not-progressed'] as const;
export const Outcome = z.enum(outcomes);
export type Outcome = z.infer<typeof Outcome>;
export const outcomeLabels: Readonly<Record<Outcome, string>> = {
  disclosed: 'Disclosed',
  'not-disclosed': 'Not disclosed',
  withdrawn: 'Withdrawn',
  'not-progressed': 'Not progressed',
};

export const contactOutcomes = ['spoke', 'no-answer', 'message-left', 'met'] as const;
export const ContactOutcome = z.enum(contactOutcomes);
export type ContactOutcome = z.infer<typeof ContactOutcome>;
export const contactOutcomeLabels: Readonly<Record<ContactOutcome, string>> = {
  spoke: 'Spoke to them',
  'no-answer': 'No answer, no message left',
  'message-left': 'Left a message or voicemail',
  met: 'Met them',
};

/** The National Domestic Abuse Helpline, given in every information pack and on the confirmation page. */
export const nationalHelpline = '0808 2000 247';
