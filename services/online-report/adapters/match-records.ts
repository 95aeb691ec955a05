import * as z from 'zod';
import type { MatchCandidate, MatchDecision, MatchView } from '../domain/patterns.ts';
import type { ReportIdentityKeys } from '../domain/ports.ts';
import { isDomesticAbuse, type OnlineReport } from '../domain/report.ts';

/**
 * The items that make repeat-victim and serial-perpetrator matching race-free (000 §3.4, §3.5), in the
 * reports table beside the reports:
 * - `MATCH#<role>#<identity key>` / `MATCH`: every report recorded against that key (`members`, by report
 *   id) and a `version`. Recording a report bumps the version of each of its keys' records under a
 *   condition, in one transaction, so any two reports sharing a key are recorded one after the other, and
 *   the second reads the first;
 * - `REPORT#<id>` / `MATCHES`: the report's own decision, written in that same transaction, with the id of
 *   the message (identification) it was made for, so a redelivered message gets the same decision.
 * A record is made the first time a report is recorded against its key, from the `byVictimKey` or
 * `bySuspectKey` index: reports that arrived before records existed (or whose own recording is still on
 * its way) start in it as members found through the index. No decision reads the index after that.
 */

export type MatchRole = 'victim' | 'suspect';

export interface MatchKey {
  readonly role: MatchRole;
  readonly key: string;
}

const Member = z.object({
  /** `recorded`: by its own recording; `index`: found through the index when the record was made. */
  via: z.enum(['recorded', 'index']),
  /** On a suspect's record: the name-and-date-of-birth key of the victim who named them. */
  victimKey: z.string().optional(),
});
export type Member = z.infer<typeof Member>;

export const MatchRecordItem = z.object({
  members: z.record(z.string(), Member),
  version: z.number().int().positive(),
});

const EarlierIncidentItem = z.object({
  reportId: z.string(),
  reference: z.string(),
  incidentDate: z.string(),
  domesticAbuse: z.boolean(),
});

export const MatchDecisionItem = z.object({
  reportId: z.string(),
  identificationId: z.string(),
  repeatOf: z.array(EarlierIncidentItem),
  suspectReports: z.array(z.string()),
  suspectVictims: z.number().int().nonnegative(),
});
export type MatchDecisionItem = z.infer<typeof MatchDecisionItem>;

/** A key's record as read: `version` absent when it is still to be made (then `members` came from the index). */
export interface MatchRecordState {
  readonly key: MatchKey;
  readonly version?: number;
  readonly members: Readonly<Record<string, Member>>;
}

export const matchRecordKey = ({ role, key }: MatchKey) => ({ pk: `MATCH#${role}#${key}`, sk: 'MATCH' });
export const matchDecisionKey = (reportId: string) => ({ pk: `REPORT#${reportId}`, sk: 'MATCHES' });

/** The keys a report is recorded against: each of the victim's, and the suspect's when known. */
export const matchKeysOf = (keys: ReportIdentityKeys): MatchKey[] => [
  ...[...new Set(keys.victim)].map((key) => ({ role: 'victim' as const, key })),
  ...(keys.suspect ? [{ role: 'suspect' as const, key: keys.suspect }] : []),
];

export const decisionOf = (item: MatchDecisionItem): MatchDecision => ({
  repeatOf: item.repeatOf,
  suspectReports: item.suspectReports,
  suspectVictims: item.suspectVictims,
});

/** Everyone else on the records: the reports to read before deciding. */
export const otherMembers = (records: readonly MatchRecordState[], reportId: string): string[] => [
  ...new Set(records.flatMap((record) => Object.keys(record.members)).filter((id) => id !== reportId)),
];

const candidatesOf = (
  records: readonly MatchRecordState[],
  role: MatchRole,
  reportId: string,
  reports: ReadonlyMap<string, OnlineReport>,
  decisions: ReadonlyMap<string, MatchDecisionItem>,
): MatchCandidate[] => {
  const byId = new Map<string, MatchCandidate>();
  for (const record of records.filter((each) => each.key.role === role)) {
    for (const [memberId, member] of Object.entries(record.members)) {
      const report = reports.get(memberId);
      if (memberId === reportId || !report || byId.has(memberId)) continue;
      const decision = decisions.get(memberId);
      byId.set(memberId, {
        reportId: memberId,
        reference: report.reference,
        incidentDate: report.answers.incidentDate,
        domesticAbuse: isDomesticAbuse(report),
        ...(member.victimKey ? { victimKey: member.victimKey } : {}),
        ...(decision
          ? {
              counted: {
                repeatOf: decision.repeatOf.map((m) => m.reportId),
                suspectReports: decision.suspectReports,
              },
            }
          : {}),
      });
    }
  }
  return [...byId.values()];
};

/** What the domain decides on: the other reports on the records, as they are now, with their own decisions. */
export const matchViewOf = (
  report: OnlineReport,
  keys: ReportIdentityKeys,
  records: readonly MatchRecordState[],
  reports: ReadonlyMap<string, OnlineReport>,
  decisions: ReadonlyMap<string, MatchDecisionItem>,
): MatchView => ({
  report: {
    reportId: report.id,
    incidentDate: report.answers.incidentDate,
    ...(keys.victimPrimary ? { victimKey: keys.victimPrimary } : {}),
  },
  sameVictim: candidatesOf(records, 'victim', report.id, reports, decisions),
  sameSuspect: candidatesOf(records, 'suspect', report.id, reports, decisions),
});

export interface Recording {
  readonly reportId: string;
  readonly identificationId: string;
  readonly victimKey?: string;
  readonly records: readonly MatchRecordState[];
  /** The identification of the decision this one replaces, when there is one. */
  readonly replaces?: string;
  readonly decision: MatchDecision;
  readonly now: Date;
}

const selfMember = (recording: Recording, role: MatchRole): Member => ({
  via: 'recorded',
  ...(role === 'suspect' && recording.victimKey ? { victimKey: recording.victimKey } : {}),
});

/**
 * The transaction that records a report: each record made or moved on by one version (the condition puts
 * two recordings against a key in an order, and makes the later one read again), and the decision.
 */
export const recordingWrites = (tableName: string, recording: Recording) => [
  ...recording.records.map((record) => {
    const member = selfMember(recording, record.key.role);
    return record.version === undefined
      ? {
          Put: {
            TableName: tableName,
            Item: {
              ...matchRecordKey(record.key),
              members: { ...record.members, [recording.reportId]: member },
              version: 1,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }
      : {
          Update: {
            TableName: tableName,
            Key: matchRecordKey(record.key),
            UpdateExpression: 'SET members.#report = :member, version = :next',
            ConditionExpression: 'version = :version',
            ExpressionAttributeNames: { '#report': recording.reportId },
            ExpressionAttributeValues: {
              ':member': member,
              ':next': record.version + 1,
              ':version': record.version,
            },
          },
        };
  }),
  {
    Put: {
      TableName: tableName,
      Item: {
        ...matchDecisionKey(recording.reportId),
        reportId: recording.reportId,
        identificationId: recording.identificationId,
        repeatOf: recording.decision.repeatOf.map(({ reportId, reference, incidentDate, domesticAbuse }) => ({
          reportId,
          reference,
          incidentDate,
          domesticAbuse,
        })),
        suspectReports: [...recording.decision.suspectReports],
        suspectVictims: recording.decision.suspectVictims,
        decidedAt: recording.now.toISOString(),
      },
      ...(recording.replaces === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: 'identificationId = :replaces',
            ExpressionAttributeValues: { ':replaces': recording.replaces },
          }),
    },
  },
];
