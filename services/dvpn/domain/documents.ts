import {
  DapnNoticeInput,
  DapoApplicationPackInput,
  type Officer as DocumentOfficer,
  DvpnNoticeInput,
  DvpoApplicationPackInput,
} from '../../../shared/contracts/documents.ts';
import { conditionLabels, premisesConditions } from './draft-rules.ts';
import type { Decision, DvpnCase, Officer } from './model.ts';
import { groundLabels, type OptionalCondition } from './rules-packs.ts';
import { packOf } from './workflow.ts';

/** The reference printed on the notice and the court pack: short enough to read out, stable for the case. */
export const caseReference = (dvpnCase: DvpnCase): string =>
  `${packOf(dvpnCase).noticeAbbreviation}-${dvpnCase.id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;

const documentOfficer = (officer: Officer): DocumentOfficer => ({
  name: officer.displayName,
  rank: officer.rank,
  collarNumber: officer.collarNumber,
});

/** The notice each pack's case asks for: the documents service holds one template per Act. */
export type NoticeRequest =
  | { readonly documentType: 'dvpn-notice'; readonly templateData: DvpnNoticeInput }
  | { readonly documentType: 'dapn-notice'; readonly templateData: DapnNoticeInput };

/** The court pack each pack's case asks for. */
export type ApplicationPackRequest =
  | { readonly documentType: 'dvpo-application-pack'; readonly templateData: DvpoApplicationPackInput }
  | { readonly documentType: 'dapo-application-pack'; readonly templateData: DapoApplicationPackInput };

export type DocumentPlan<Request> =
  | ({ readonly kind: 'request' } & Request)
  /**
   * The document cannot be asked for (the case's data breaks the template's contract): the case records
   * why, and waits for a retry.
   */
  | { readonly kind: 'unsupported'; readonly reason: string };

const planFrom = <Type extends string, Input>(
  documentType: Type,
  result:
    | { success: true; data: Input }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[] }[] } },
): DocumentPlan<{ readonly documentType: Type; readonly templateData: Input }> =>
  result.success
    ? { kind: 'request', documentType, templateData: result.data }
    : {
        kind: 'unsupported',
        reason: `The document could not be prepared: check ${[
          ...new Set(result.error.issues.map((issue) => issue.path.map(String).join('.'))),
        ].join(', ')}.`,
      };

const provisionText = (
  condition: OptionalCondition,
  dvpnCase: DvpnCase,
  distance: number | undefined,
): string => {
  const premises = dvpnCase.details.premisesAddress ?? 'the premises';
  switch (condition) {
    case 'stay-away':
      if (dvpnCase.pack.id === 'dapn') {
        // DAA 2021 s.35(4)(b): wherever the person lives. The address is named only where the two share it,
        // since the respondent sees the application.
        const shared = dvpnCase.details.sharesPremises ? ` (${premises})` : '';
        return `Not to come within ${distance ?? '(distance not stated)'} metres of any premises in England or Wales in which the person protected lives${shared}`;
      }
      return `Not to come within ${distance ?? '(distance not stated)'} metres of ${premises}`;
    case 'no-contact':
      return conditionLabels[condition];
    default:
      return `${conditionLabels[condition]} (${premises})`;
  }
};

type Authorised = Extract<Decision, { outcome: 'authorised' }>;

const noticeGrounds = (dvpnCase: DvpnCase, decision: Authorised): string =>
  [
    `${groundLabels[dvpnCase.details.grounds.kind]}.`,
    dvpnCase.details.grounds.detail,
    `The authorising officer's reasonable grounds: ${decision.reasonableGrounds}`,
  ].join('\n\n');

const sharedPremisesConditions: readonly OptionalCondition[] = ['not-evict-or-exclude', 'not-enter', 'leave'];

/**
 * DAA 2021 ss.22-23: the prohibition on being abusive, and the conditions chosen. A condition the case
 * chose is always passed on, so that data the contract refuses fails loudly rather than dropping it.
 */
const dapnNotice = (dvpnCase: DvpnCase, decision: Authorised): DocumentPlan<NoticeRequest> => {
  const { details } = dvpnCase;
  const sharedChosen = details.conditions.filter((condition) => sharedPremisesConditions.includes(condition));
  return planFrom(
    'dapn-notice',
    DapnNoticeInput.safeParse({
      caseReference: caseReference(dvpnCase),
      recipient: {
        fullName: details.recipient.name,
        dateOfBirth: details.recipient.dateOfBirth,
        address: details.recipient.address,
      },
      protectedPerson: { fullName: details.protectedPerson.name },
      grounds: noticeGrounds(dvpnCase, decision),
      abuseDetail: details.molestationDetail || undefined,
      noContact: details.conditions.includes('no-contact'),
      keepAway: details.conditions.includes('stay-away')
        ? {
            metres: details.stayAwayDistanceMetres,
            // Naming where the person protected lives tells the recipient where to find them, unless they
            // live there too and know it already.
            address: details.sharesPremises ? details.premisesAddress : undefined,
          }
        : undefined,
      sharedPremises:
        sharedChosen.length > 0
          ? {
              address: details.sharesPremises ? details.premisesAddress : undefined,
              noEvictionOrExclusion: sharedChosen.includes('not-evict-or-exclude'),
              noEntry: sharedChosen.includes('not-enter'),
              mustLeave: sharedChosen.includes('leave'),
            }
          : undefined,
      authorisedBy: documentOfficer(decision.by),
      authorisedAt: decision.at,
      court: details.court,
    }),
  );
};

/**
 * The notice as the documents service renders it (CSA 2010 s.25; DAA 2021 s.25: the grounds, the
 * prohibitions, the power of arrest, the hearing within 48 hours, the notice lasting until the application
 * is decided, what an order may contain; the authoriser and the time), in the template of the case's pack.
 */
export const noticeDocument = (dvpnCase: DvpnCase): DocumentPlan<NoticeRequest> => {
  const decision = dvpnCase.decision;
  if (decision?.outcome !== 'authorised') throw new TypeError('A notice is only produced once authorised');
  if (dvpnCase.pack.id === 'dapn') return dapnNotice(dvpnCase, decision);
  const { details } = dvpnCase;
  const premisesChosen = details.conditions.filter((condition) => premisesConditions.includes(condition));
  return planFrom(
    'dvpn-notice',
    DvpnNoticeInput.safeParse({
      caseReference: caseReference(dvpnCase),
      recipient: {
        fullName: details.recipient.name,
        dateOfBirth: details.recipient.dateOfBirth,
        address: details.recipient.address,
      },
      protectedPerson: { fullName: details.protectedPerson.name },
      grounds: noticeGrounds(dvpnCase, decision),
      molestationDetail: details.molestationDetail || undefined,
      premises:
        details.sharesPremises && premisesChosen.length > 0 && details.premisesAddress
          ? {
              address: details.premisesAddress,
              noEvictionOrExclusion: premisesChosen.includes('not-evict-or-exclude'),
              noEntry: premisesChosen.includes('not-enter'),
              mustLeave: premisesChosen.includes('leave'),
              keepAwayMetres: premisesChosen.includes('stay-away')
                ? details.stayAwayDistanceMetres
                : undefined,
            }
          : undefined,
      authorisedBy: documentOfficer(decision.by),
      authorisedAt: decision.at,
      court: details.court,
    }),
  );
};

/** The signed pack for the magistrates' court: the notice, the grounds, the service record, the conditions sought. */
export const applicationPackDocument = (dvpnCase: DvpnCase): DocumentPlan<ApplicationPackRequest> => {
  const { details, decision, service, application, notice } = dvpnCase;
  if (decision?.outcome !== 'authorised' || !service || !application) {
    throw new TypeError('An application pack needs an authorised, served notice and an application');
  }
  const pack = packOf(dvpnCase);
  const common = {
    caseReference: caseReference(dvpnCase),
    court: application.court,
    applicant: documentOfficer(application.preparedBy),
    respondent: {
      fullName: details.recipient.name,
      dateOfBirth: details.recipient.dateOfBirth,
      address: service.addressForHearingNotice ?? details.recipient.address,
    },
    protectedPerson: { fullName: details.protectedPerson.name },
    hearingLatestBy: service.hearingDueBy,
    grounds: [
      `Incident: ${details.incident.summary}`,
      `${groundLabels[details.grounds.kind]}: ${details.grounds.detail}`,
      `Authorising officer's reasonable grounds: ${decision.reasonableGrounds}`,
      `Why an order is needed: ${application.summary}`,
    ].join('\n\n'),
    considerations: {
      childWelfare: details.children.relevant
        ? details.children.details
        : 'No child whose welfare is relevant was identified.',
      protectedPersonOpinion: `${details.protectedPersonOpinion.opinion} (sought: ${details.protectedPersonOpinion.howSought})`,
      respondentRepresentations: `${details.recipientRepresentations.representations} (sought: ${details.recipientRepresentations.howSought})`,
    },
    evidence: [],
  };
  const noticeRecord = {
    documentReference: notice?.documentId,
    authorisedBy: documentOfficer(decision.by),
    authorisedAt: decision.at,
    servedAt: service.servedAt,
    servedBy: documentOfficer(service.servedBy),
  };
  const sought = [
    pack.mandatoryCondition.text.replace('this notice', 'the order'),
    ...application.conditionsSought.map((condition) =>
      provisionText(condition, dvpnCase, application.stayAwayDistanceMetres),
    ),
  ];
  if (dvpnCase.pack.id === 'dapn') {
    return planFrom(
      'dapo-application-pack',
      DapoApplicationPackInput.safeParse({
        ...common,
        dapn: noticeRecord,
        requirementsSought: sought,
        durationDays: application.durationSoughtDays,
      }),
    );
  }
  if (application.durationSoughtDays === null) {
    throw new TypeError('A DVPO application states its duration');
  }
  return planFrom(
    'dvpo-application-pack',
    DvpoApplicationPackInput.safeParse({
      ...common,
      dvpn: noticeRecord,
      provisionsSought: sought,
      durationDays: application.durationSoughtDays,
    }),
  );
};
