import { anyOf, atLeast, inDepartment, type Policy } from '../../../shared/auth/policy.ts';
import type { Principal } from '../../../shared/auth/principal.ts';
import { NotPermittedError, WrongStageError } from './errors.ts';
import { type DvdsCase, type Stage, stageLabels } from './model.ts';
import type { EntryRoute } from './vocabulary.ts';

/** Every step a member of staff can record on a case. */
export const caseActions = [
  'authorise-right-to-know',
  'record-check',
  'decide-progression',
  'record-meeting',
  'record-risk-assessment',
  'categorise',
  'record-forum-decision',
  'record-disclosure',
  'record-no-disclosure-outcome',
  'record-intelligence',
  'withdraw',
  'record-immediate-risk',
  'fast-track',
  'record-exceptional-circumstances',
  'log-contact-attempt',
  'take-ownership',
] as const;
export type CaseAction = (typeof caseActions)[number];

export const isCaseAction = (value: string): value is CaseAction =>
  (caseActions as readonly string[]).includes(value);

/** The Public Protection Unit runs the scheme (000 §16; APP DVDS "strongly recommended ... from the PPU"). */
const ppu = inDepartment('PPU');
/** 000 §9.13 and §12: an inspector reviews and authorises the right to know. */
const inspectorOrAbove = atLeast('inspector');

export interface Transition {
  readonly label: string;
  /** Stages the step may be recorded in. */
  readonly from: readonly Stage[];
  /** Stages the step may lead to; the workflow picks one from what was recorded. */
  readonly to: readonly Stage[];
  readonly routes: readonly EntryRoute[];
  readonly who: Policy;
  readonly source: string;
}

const bothRoutes: readonly EntryRoute[] = ['right-to-ask', 'right-to-know'];
const beforeDecision: readonly Stage[] = [
  'awaiting-authorisation',
  'initial-checks',
  'face-to-face-meeting',
  'risk-assessment',
  'categorisation',
  'forum-decision',
];
const notClosed: readonly Stage[] = [
  ...beforeDecision,
  'disclosure',
  'no-disclosure-outcome',
  'intelligence-record',
];

/**
 * The table of allowed steps: where each may be recorded, where it leads, on which route, and who may
 * record it. Staying in the same stage (a check, a contact attempt) is listed as leading to itself.
 */
export const transitions: Readonly<Record<CaseAction, Transition>> = {
  'authorise-right-to-know': {
    label: 'Authorise or decline the right to know',
    from: ['awaiting-authorisation'],
    to: ['initial-checks', 'intelligence-record'],
    routes: ['right-to-know'],
    who: inspectorOrAbove,
    source: 'Force policy PP/04 §9.13 and §12: the inspector reviews and authorises the right to know',
  },
  'record-check': {
    label: 'Record an initial check',
    from: ['initial-checks'],
    to: ['initial-checks'],
    routes: bothRoutes,
    who: ppu,
    source: 'APP DVDS: minimum checks PNC, PND, ViSOR (where marked) and local intelligence',
  },
  'decide-progression': {
    label: 'Decide whether to progress',
    from: ['initial-checks'],
    to: ['face-to-face-meeting', 'categorisation', 'intelligence-record'],
    routes: bothRoutes,
    who: ppu,
    source: 'APP DVDS: decide, after the initial checks, whether to progress the application',
  },
  'record-meeting': {
    label: 'Record the face-to-face meeting',
    from: ['face-to-face-meeting'],
    to: ['risk-assessment', 'categorisation', 'intelligence-record'],
    routes: ['right-to-ask'],
    who: ppu,
    source: 'APP DVDS: face-to-face meeting no more than 10 working days after initial contact',
  },
  'record-risk-assessment': {
    label: 'Record the full risk assessment',
    from: ['risk-assessment'],
    to: ['categorisation'],
    routes: ['right-to-ask'],
    who: ppu,
    source: 'APP DVDS: risk assessment within five working days where the applicant is the potential victim',
  },
  categorise: {
    label: "Categorise as 'concern' or 'no concern'",
    from: ['categorisation'],
    to: ['forum-decision'],
    routes: bothRoutes,
    who: ppu,
    source: 'APP DVDS: categorise within five working days of the meeting or of receipt of the information',
  },
  'record-forum-decision': {
    label: "Record the forum's decision",
    from: ['forum-decision'],
    to: ['disclosure', 'no-disclosure-outcome', 'intelligence-record'],
    routes: bothRoutes,
    who: anyOf(ppu, inspectorOrAbove),
    source: 'APP DVDS: the local decision-making forum decides whether, what, to whom and how to disclose',
  },
  'record-disclosure': {
    label: 'Record the disclosure',
    from: ['disclosure'],
    to: ['intelligence-record'],
    routes: bothRoutes,
    who: ppu,
    source: 'APP DVDS "Decision made to disclose": in person, undertaking, verbatim record, information pack',
  },
  'record-no-disclosure-outcome': {
    label: 'Record telling the applicant there is nothing to disclose',
    from: ['no-disclosure-outcome'],
    to: ['intelligence-record'],
    routes: ['right-to-ask'],
    who: ppu,
    source: 'APP DVDS "Decision made not to disclose": told in person, no information is not no risk',
  },
  'record-intelligence': {
    label: 'Submit the final intelligence record and close',
    from: ['intelligence-record'],
    to: ['closed'],
    routes: bothRoutes,
    who: ppu,
    source: 'APP DVDS "Maintaining a record for the disclosure consideration"',
  },
  withdraw: {
    label: 'Record that the application was withdrawn',
    from: beforeDecision.filter((stage) => stage !== 'awaiting-authorisation'),
    to: ['intelligence-record'],
    routes: ['right-to-ask'],
    who: ppu,
    source: 'APP DVDS: every application ends with a final intelligence record, whatever the outcome',
  },
  'record-immediate-risk': {
    label: 'Record an immediate risk',
    from: notClosed,
    to: notClosed,
    routes: bothRoutes,
    who: anyOf(ppu, inspectorOrAbove),
    source: 'APP DVDS: an immediate or imminent risk of harm requires immediate safeguarding action',
  },
  'fast-track': {
    label: 'Fast-track to a decision',
    from: ['initial-checks', 'face-to-face-meeting', 'risk-assessment', 'categorisation'],
    to: ['forum-decision'],
    routes: bothRoutes,
    who: inspectorOrAbove,
    source: 'Force policy PP/04 §9.13: immediate risk is referred to the inspector to coordinate disclosure',
  },
  'record-exceptional-circumstances': {
    label: 'Record exceptional circumstances',
    from: beforeDecision,
    to: beforeDecision,
    routes: bothRoutes,
    who: inspectorOrAbove,
    source:
      'DVDS statutory guidance 2023: the 28-day limit applies unless exceptional circumstances are recorded',
  },
  'log-contact-attempt': {
    label: 'Log a contact attempt',
    from: notClosed,
    to: notClosed,
    routes: bothRoutes,
    who: ppu,
    source: 'APP DVDS: a safe means of communication must be agreed from the outset',
  },
  'take-ownership': {
    label: 'Take ownership',
    from: notClosed,
    to: notClosed,
    routes: bothRoutes,
    who: ppu,
    source: 'APP "Strategic oversight": clear lines of responsibility in every case',
  },
};

/** Why a step is not open to this person on this case, or undefined when it is. */
export const refusalOf = (
  action: CaseAction,
  dvdsCase: DvdsCase,
  principal: Principal,
): NotPermittedError | WrongStageError | undefined => {
  const transition = transitions[action];
  if (!transition.routes.includes(dvdsCase.route)) {
    return new WrongStageError(
      `${transition.label} is not a step on the ${routeWords(dvdsCase.route)} route.`,
    );
  }
  if (!transition.who.allows(principal)) {
    return new NotPermittedError(
      `${transition.label}: only ${transition.who.description} may record this step.`,
      transition.source,
    );
  }
  if (!transition.from.includes(dvdsCase.stage)) {
    return new WrongStageError(
      `${transition.label} cannot be recorded while the case is at "${stageLabels[dvdsCase.stage]}".`,
    );
  }
  return undefined;
};

/** Throws the refusal when the step is not open to this person on this case. */
export const assertMayRecord = (action: CaseAction, dvdsCase: DvdsCase, principal: Principal): void => {
  const refusal = refusalOf(action, dvdsCase, principal);
  if (refusal) throw refusal;
};

/** Checks the stage the workflow chose is one the table allows. */
export const assertLeadsTo = (action: CaseAction, to: Stage): void => {
  if (!transitions[action].to.includes(to)) {
    throw new WrongStageError(`${transitions[action].label} cannot lead to "${stageLabels[to]}".`);
  }
};

/** The steps this person may record now, for the case page. */
export const availableActions = (dvdsCase: DvdsCase, principal: Principal): CaseAction[] =>
  caseActions.filter(
    (action) =>
      refusalOf(action, dvdsCase, principal) === undefined &&
      !(action === 'take-ownership' && dvdsCase.owner?.collarNumber === principal.collarNumber),
  );

const routeWords = (route: EntryRoute): string =>
  route === 'right-to-ask' ? 'right to ask' : 'right to know';
