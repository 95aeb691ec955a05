import * as z from 'zod';
import { Department, type Principal, Rank, rankIndex, StaffGrade } from '../../../shared/auth/principal.ts';
import { InvalidInputError, NotPermittedError, RuleRefusedError, WrongStageError } from './errors.ts';
import { type Marker, markerValues, type ScreeningResult } from './screening.ts';
import { Grade } from './vocabulary.ts';

/**
 * The incident log an online report becomes when domestic abuse is apparent (000 §8.2-8.3.1): recorded
 * with domestic-abuse markers, graded P1/P2 with THRIVE+, an officer always dispatched, a repeat always
 * brought to the duty sergeant, closed with a domestic-abuse final classification. Pure: every change
 * takes the log, the person and the time, and returns the next log or refuses.
 */

/** Who did something, as the log keeps it: collar number, rank and department (no name). */
export const StaffRef = z.object({
  collarNumber: z.string().min(1).max(32),
  rank: z.union([Rank, StaffGrade]),
  department: Department,
});
export type StaffRef = z.infer<typeof StaffRef>;

export const staffRef = (principal: Principal): StaffRef => ({
  collarNumber: principal.collarNumber,
  rank: principal.rank,
  department: principal.department,
});

/** THRIVE+ (000 §6.1): Threat, Harm, Risk, Investigation, Vulnerability, Engagement, plus prevention. */
export const thriveElements = [
  'threat',
  'harm',
  'risk',
  'investigation',
  'vulnerability',
  'engagement',
  'prevention',
] as const;
export type ThriveElement = (typeof thriveElements)[number];

export const thriveElementLabels: Readonly<Record<ThriveElement, string>> = {
  threat: 'Threat',
  harm: 'Harm',
  risk: 'Risk',
  investigation: 'Investigation',
  vulnerability: 'Vulnerability',
  engagement: 'Engagement',
  prevention: 'Prevention and intervention (+)',
};

const Rationale = z.string().max(1000);

export const ThriveAssessment = z.object({
  rationale: z.object(
    Object.fromEntries(thriveElements.map((element) => [element, Rationale])) as Record<
      ThriveElement,
      typeof Rationale
    >,
  ),
  /** Why it was reassessed: the new information or intelligence (000 §6.1). Absent on the first. */
  newInformation: z.string().max(1000).optional(),
  recordedBy: StaffRef,
  recordedAt: z.iso.datetime(),
});
export type ThriveAssessment = z.infer<typeof ThriveAssessment>;

export const GradeChange = z.object({
  grade: Grade,
  reason: z.string().min(1).max(1000),
  at: z.iso.datetime(),
  /** Absent when the screen set the grade. */
  by: StaffRef.optional(),
  immediateSafetyConfirmed: z.boolean().optional(),
  perpetratorNextWithVictim: z.string().max(300).optional(),
});
export type GradeChange = z.infer<typeof GradeChange>;

export const finalClassifications = ['domestic-abuse-crime', 'domestic-abuse-non-crime'] as const;
export const FinalClassification = z.enum(finalClassifications);
export type FinalClassification = z.infer<typeof FinalClassification>;

export const finalClassificationLabels: Readonly<Record<FinalClassification, string>> = {
  'domestic-abuse-crime': 'Domestic abuse: crime',
  'domestic-abuse-non-crime': 'Domestic abuse: non-crime incident',
};

export const IncidentLog = z.object({
  reportId: z.string().min(1),
  reference: z.string().min(1),
  submittedAt: z.iso.datetime(),
  openedAt: z.iso.datetime(),
  opened: z.discriminatedUnion('by', [
    z.object({ by: z.literal('screening') }),
    z.object({ by: z.literal('staff'), staff: StaffRef, reason: z.string().min(1).max(1000) }),
  ]),
  status: z.enum(['open', 'closed']),
  domesticAbuse: z.boolean(),
  markers: z.array(z.enum(markerValues)),
  grade: Grade,
  gradeHistory: z.array(GradeChange).min(1),
  thrive: z.array(ThriveAssessment),
  dispatch: z.object({ requestId: z.string().min(1), requestedAt: z.iso.datetime() }).optional(),
  repeat: z
    .object({
      matchedReferences: z.array(z.string()).min(1),
      alertRaisedAt: z.iso.datetime(),
      acknowledgedAt: z.iso.datetime().optional(),
      acknowledgedBy: StaffRef.optional(),
      supervisionNote: z.string().max(1000).optional(),
    })
    .optional(),
  serialPerpetrator: z
    .object({ victimCount: z.number().int().min(2), flaggedAt: z.iso.datetime() })
    .optional(),
  closure: z
    .object({
      classification: FinalClassification,
      note: z.string().max(1000),
      by: StaffRef,
      at: z.iso.datetime(),
    })
    .optional(),
  declassified: z
    .object({ reason: z.string().min(1).max(1000), by: StaffRef, at: z.iso.datetime() })
    .optional(),
  version: z.number().int().nonnegative(),
});
export type IncidentLog = z.infer<typeof IncidentLog>;

export interface ReportRef {
  readonly reportId: string;
  readonly reference: string;
  readonly submittedAt: string;
}

const source = {
  grading: '000 §8.3',
  online: '000 §8.3.1',
  thrive: '000 §6.1',
  closure: '000 §8.2',
} as const;

/** Contact handlers (CONTACT_CENTRE) and sergeants or above may grade, assess and close logs. */
export const canManageIncident = (principal: Principal): boolean =>
  principal.department === 'CONTACT_CENTRE' || rankIndex(principal.rank) >= rankIndex('sergeant');

/** A Force Response supervisor: a sergeant or above in FORCE_RESPONSE (000 §8.3.1). */
export const isForceResponseSupervisor = (principal: Principal): boolean =>
  principal.department === 'FORCE_RESPONSE' && rankIndex(principal.rank) >= rankIndex('sergeant');

/** Staff who see the contact handlers' queue and the incident list. */
export const canViewReports = (principal: Principal): boolean =>
  ['CONTACT_CENTRE', 'FORCE_RESPONSE', 'PPU'].includes(principal.department) ||
  rankIndex(principal.rank) >= rankIndex('inspector');

const requireManager = (principal: Principal): void => {
  if (!canManageIncident(principal)) {
    throw new NotPermittedError('Only contact handlers and sergeants or above can change an incident log.');
  }
};

const requireOpen = (log: IncidentLog): void => {
  if (log.status !== 'open') throw new WrongStageError('This incident log is closed.');
};

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

const addMarkers = (markers: readonly Marker[], more: readonly Marker[]): Marker[] =>
  markerValues.filter((marker) => markers.includes(marker) || more.includes(marker));

const next = (log: IncidentLog, changes: Partial<IncidentLog>): IncidentLog => ({
  ...log,
  ...changes,
  version: log.version + 1,
});

/** A log opened from the screen: its markers and its P1/P2 default grade with the screen's reason. */
export const openFromScreening = (report: ReportRef, screening: ScreeningResult, now: Date): IncidentLog => {
  if (!screening.apparent || !screening.defaultGrade) {
    throw new WrongStageError('The screen did not find domestic abuse; a member of staff must mark it.');
  }
  const at = now.toISOString();
  return {
    ...report,
    openedAt: at,
    opened: { by: 'screening' },
    status: 'open',
    domesticAbuse: true,
    markers: [...screening.markers],
    grade: screening.defaultGrade,
    gradeHistory: [
      { grade: screening.defaultGrade, reason: screening.gradeReason ?? 'Domestic abuse screen', at },
    ],
    thrive: [],
    version: 0,
  };
};

export interface StaffMarking {
  readonly grade: Grade;
  readonly reason: string;
}

/**
 * A contact handler marks a report the screen passed as domestic abuse (000 §8.2: classified as soon as
 * it is known). The grade starts at P1 or P2; P3 needs a THRIVE+ assessment first.
 */
export const openFromStaffMarking = (
  report: ReportRef,
  marking: StaffMarking,
  principal: Principal,
  now: Date,
): IncidentLog => {
  requireManager(principal);
  if (blank(marking.reason)) {
    throw new RuleRefusedError('Enter why this report is domestic abuse', source.online, 'reason');
  }
  if (marking.grade === 'P3') {
    throw new RuleRefusedError(
      'Domestic abuse is graded P1 or P2; it can only be regraded P3 after a THRIVE+ assessment',
      source.grading,
      'grade',
    );
  }
  const at = now.toISOString();
  const by = staffRef(principal);
  return {
    ...report,
    openedAt: at,
    opened: { by: 'staff', staff: by, reason: marking.reason.trim() },
    status: 'open',
    domesticAbuse: true,
    markers: ['domestic-abuse'],
    grade: marking.grade,
    gradeHistory: [{ grade: marking.grade, reason: marking.reason.trim(), at, by }],
    thrive: [],
    version: 0,
  };
};

/** A log taken out of domestic abuse by mistake is recorded as domestic abuse again, on the same log. */
export const reopenAsDomesticAbuse = (
  log: IncidentLog,
  marking: StaffMarking,
  principal: Principal,
  now: Date,
): IncidentLog => {
  requireManager(principal);
  if (log.domesticAbuse) throw new WrongStageError('This report is already recorded as domestic abuse.');
  if (blank(marking.reason)) {
    throw new RuleRefusedError('Enter why this report is domestic abuse', source.online, 'reason');
  }
  if (marking.grade === 'P3') {
    throw new RuleRefusedError(
      'Domestic abuse is graded P1 or P2; it can only be regraded P3 after a THRIVE+ assessment',
      source.grading,
      'grade',
    );
  }
  const { declassified: _previous, closure: _closure, ...rest } = log;
  return next(rest, {
    status: 'open',
    domesticAbuse: true,
    markers: addMarkers(log.markers, ['domestic-abuse']),
    grade: marking.grade,
    gradeHistory: [
      ...log.gradeHistory,
      { grade: marking.grade, reason: marking.reason.trim(), at: now.toISOString(), by: staffRef(principal) },
    ],
  });
};

export type ThriveInput = Readonly<Record<ThriveElement, string>> & { readonly newInformation?: string };

/** THRIVE+ is recorded element by element with its rationale, and redone when new information arrives (000 §6.1). */
export const recordThriveAssessment = (
  log: IncidentLog,
  input: ThriveInput,
  principal: Principal,
  now: Date,
): IncidentLog => {
  requireManager(principal);
  requireOpen(log);
  const issues: { field: string; message: string }[] = thriveElements
    .filter((element) => blank(input[element]))
    .map((element) => ({
      field: element,
      message: `Enter the rationale for ${element === 'prevention' ? 'prevention and intervention' : element}`,
    }));
  const tooLong = thriveElements
    .filter((element) => (input[element] ?? '').trim().length > 1000)
    .map((element) => ({ field: element, message: 'Each rationale must be 1000 characters or fewer' }));
  const reassessing = log.thrive.length > 0;
  if (reassessing && blank(input.newInformation)) {
    issues.push({
      field: 'newInformation',
      message: 'Enter the new information that led to this reassessment',
    });
  }
  if (issues.length + tooLong.length > 0) throw new InvalidInputError([...issues, ...tooLong]);
  const assessment: ThriveAssessment = {
    rationale: Object.fromEntries(
      thriveElements.map((element) => [element, input[element].trim()]),
    ) as Record<ThriveElement, string>,
    ...(reassessing ? { newInformation: (input.newInformation ?? '').trim() } : {}),
    recordedBy: staffRef(principal),
    recordedAt: now.toISOString(),
  };
  return next(log, { thrive: [...log.thrive, assessment] });
};

export interface RegradeInput {
  readonly grade: Grade;
  readonly reason: string;
  readonly immediateSafetyConfirmed?: boolean;
  readonly perpetratorNextWithVictim?: string;
}

/**
 * Domestic abuse is P1 or P2. P3 only when the victim's immediate safety is confirmed and the log says
 * when the perpetrator is next likely to be with them, on a THRIVE+ assessment (000 §8.3).
 */
export const regrade = (
  log: IncidentLog,
  input: RegradeInput,
  principal: Principal,
  now: Date,
): IncidentLog => {
  requireManager(principal);
  requireOpen(log);
  if (blank(input.reason))
    throw new RuleRefusedError('Enter the reason for the new grade', source.grading, 'reason');
  if (input.grade === log.grade)
    throw new RuleRefusedError(`The log is already ${log.grade}`, source.grading, 'grade');
  if (input.grade === 'P3') {
    if (input.immediateSafetyConfirmed !== true) {
      throw new RuleRefusedError(
        'P3 needs the victim’s immediate safety to be confirmed',
        source.grading,
        'immediateSafetyConfirmed',
      );
    }
    if (blank(input.perpetratorNextWithVictim)) {
      throw new RuleRefusedError(
        'P3 needs when the perpetrator is next likely to be with the victim',
        source.grading,
        'perpetratorNextWithVictim',
      );
    }
    if (log.thrive.length === 0) {
      throw new RuleRefusedError('Record a THRIVE+ assessment before grading P3', source.grading, 'grade');
    }
  }
  const change: GradeChange = {
    grade: input.grade,
    reason: input.reason.trim(),
    at: now.toISOString(),
    by: staffRef(principal),
    ...(input.grade === 'P3'
      ? {
          immediateSafetyConfirmed: true,
          perpetratorNextWithVictim: (input.perpetratorNextWithVictim ?? '').trim(),
        }
      : {}),
  };
  return next(log, { grade: input.grade, gradeHistory: [...log.gradeHistory, change] });
};

/** An officer is always dispatched (000 §8.3.1); recording the request again changes nothing. */
export const recordDispatchRequested = (log: IncidentLog, requestId: string, now: Date): IncidentLog =>
  log.dispatch ? log : next(log, { dispatch: { requestId, requestedAt: now.toISOString() } });

/** A repeat incident is always brought to a Force Response supervisor (000 §8.3, §8.3.1). */
export const raiseRepeatAlert = (
  log: IncidentLog,
  matchedReferences: readonly string[],
  now: Date,
): IncidentLog => {
  if (log.repeat || matchedReferences.length === 0) return log;
  return next(log, {
    markers: addMarkers(log.markers, ['repeat-victim']),
    repeat: { matchedReferences: [...matchedReferences], alertRaisedAt: now.toISOString() },
  });
};

export const isAwaitingSupervisor = (log: IncidentLog): boolean =>
  log.repeat !== undefined && log.repeat.acknowledgedAt === undefined;

/** The duty sergeant acknowledges a repeat and says how they will supervise it (000 §8.3.1 practice direction). */
export const acknowledgeRepeat = (
  log: IncidentLog,
  supervisionNote: string,
  principal: Principal,
  now: Date,
): IncidentLog => {
  if (!isForceResponseSupervisor(principal)) {
    throw new NotPermittedError('Only a Force Response sergeant or above can acknowledge a repeat incident.');
  }
  if (!log.repeat) throw new WrongStageError('This log has no repeat-incident alert.');
  if (log.repeat.acknowledgedAt)
    throw new WrongStageError('This repeat incident has already been acknowledged.');
  if (blank(supervisionNote)) {
    throw new RuleRefusedError(
      'Enter how you will supervise this repeat incident',
      source.online,
      'supervisionNote',
    );
  }
  return next(log, {
    repeat: {
      ...log.repeat,
      acknowledgedAt: now.toISOString(),
      acknowledgedBy: staffRef(principal),
      supervisionNote: supervisionNote.trim(),
    },
  });
};

/** A suspect reported by two or more victims (000 §3.5). */
export const flagPossibleSerialPerpetrator = (
  log: IncidentLog,
  victimCount: number,
  now: Date,
): IncidentLog => {
  if (victimCount < 2) return log;
  if (log.serialPerpetrator && log.serialPerpetrator.victimCount >= victimCount) return log;
  return next(log, {
    markers: addMarkers(log.markers, ['possible-serial-perpetrator']),
    serialPerpetrator: { victimCount, flaggedAt: log.serialPerpetrator?.flaggedAt ?? now.toISOString() },
  });
};

export interface ClosureInput {
  readonly classification: string;
  readonly note: string;
}

/**
 * Closed with a domestic-abuse final classification (000 §8.2), and only once an officer has been
 * dispatched, THRIVE+ recorded and any repeat acknowledged by the duty sergeant.
 */
export const closeLog = (
  log: IncidentLog,
  input: ClosureInput,
  principal: Principal,
  now: Date,
): IncidentLog => {
  requireManager(principal);
  requireOpen(log);
  const classification = FinalClassification.safeParse(input.classification);
  if (!classification.success) {
    throw new RuleRefusedError(
      'Select the domestic-abuse final classification',
      source.closure,
      'classification',
    );
  }
  if (!log.dispatch) {
    throw new RuleRefusedError('An officer must be dispatched before the log is closed', source.online);
  }
  if (log.thrive.length === 0) {
    throw new RuleRefusedError('Record a THRIVE+ assessment before closing the log', source.thrive);
  }
  if (isAwaitingSupervisor(log)) {
    throw new RuleRefusedError(
      'The duty sergeant must acknowledge this repeat incident first',
      source.online,
    );
  }
  return next(log, {
    status: 'closed',
    closure: {
      classification: classification.data,
      note: input.note.trim(),
      by: staffRef(principal),
      at: now.toISOString(),
    },
  });
};

/** Taking a log out of domestic abuse needs a sergeant or above and a reason; the history stays. */
export const removeDomesticAbuseClassification = (
  log: IncidentLog,
  reason: string,
  principal: Principal,
  now: Date,
): IncidentLog => {
  if (rankIndex(principal.rank) < rankIndex('sergeant')) {
    throw new NotPermittedError('Only a sergeant or above can take a report out of domestic abuse.');
  }
  requireOpen(log);
  if (blank(reason)) {
    throw new RuleRefusedError('Enter why this is not domestic abuse', source.closure, 'reason');
  }
  return next(log, {
    status: 'closed',
    domesticAbuse: false,
    declassified: { reason: reason.trim(), by: staffRef(principal), at: now.toISOString() },
  });
};
