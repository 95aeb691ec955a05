import {
  type Officer as DocumentOfficer,
  DvpnNoticeInput,
  DvpoApplicationPackInput,
} from '../../../shared/contracts/documents.ts';
import { conditionLabels, premisesConditions } from './draft-rules.ts';
import type { DvpnCase, Officer } from './model.ts';
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

export type DocumentPlan<Input> =
  | { readonly kind: 'request'; readonly templateData: Input }
  /**
   * The document cannot be asked for (no template for this pack, or the case's data breaks the template's
   * contract): the case records why, and waits for a retry.
   */
  | { readonly kind: 'unsupported'; readonly reason: string };

const planFrom = <Input>(
  result:
    | { success: true; data: Input }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[] }[] } },
): DocumentPlan<Input> =>
  result.success
    ? { kind: 'request', templateData: result.data }
    : {
        kind: 'unsupported',
        reason: `The document could not be prepared: check ${[
          ...new Set(result.error.issues.map((issue) => issue.path.map(String).join('.'))),
        ].join(', ')}.`,
      };

const unsupported = (dvpnCase: DvpnCase, what: string) => ({
  kind: 'unsupported' as const,
  reason: `The documents service has no ${packOf(dvpnCase).noticeAbbreviation} ${what} template; the notice cannot be produced yet.`,
});

const provisionText = (
  condition: OptionalCondition,
  dvpnCase: DvpnCase,
  distance: number | undefined,
): string => {
  const premises = dvpnCase.details.premisesAddress ?? 'the premises';
  switch (condition) {
    case 'stay-away':
      return `Not to come within ${distance ?? '(distance not stated)'} metres of ${premises}`;
    case 'no-contact':
      return conditionLabels[condition];
    default:
      return `${conditionLabels[condition]} (${premises})`;
  }
};

/**
 * The notice as the documents service renders it (CSA 2010 s.25: the grounds, the prohibitions, the power
 * of arrest, the hearing within 48 hours, the notice lasting until the application is decided, what an
 * order may contain; the authoriser and the time). Only CSA 2010 notices have a template.
 */
export const noticeDocument = (dvpnCase: DvpnCase): DocumentPlan<DvpnNoticeInput> => {
  if (dvpnCase.pack.id !== 'dvpn') return unsupported(dvpnCase, 'notice');
  const decision = dvpnCase.decision;
  if (decision?.outcome !== 'authorised') throw new TypeError('A notice is only produced once authorised');
  const { details } = dvpnCase;
  const premisesChosen = details.conditions.filter((condition) => premisesConditions.includes(condition));
  return planFrom(
    DvpnNoticeInput.safeParse({
      caseReference: caseReference(dvpnCase),
      recipient: {
        fullName: details.recipient.name,
        dateOfBirth: details.recipient.dateOfBirth,
        address: details.recipient.address,
      },
      protectedPerson: { fullName: details.protectedPerson.name },
      grounds: [
        `${groundLabels[details.grounds.kind]}.`,
        details.grounds.detail,
        `The authorising officer's reasonable grounds: ${decision.reasonableGrounds}`,
      ].join('\n\n'),
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
export const applicationPackDocument = (dvpnCase: DvpnCase): DocumentPlan<DvpoApplicationPackInput> => {
  if (dvpnCase.pack.id !== 'dvpn') return unsupported(dvpnCase, 'order application');
  const { details, decision, service, application, notice } = dvpnCase;
  if (
    decision?.outcome !== 'authorised' ||
    !service ||
    !application ||
    application.durationSoughtDays === null
  ) {
    throw new TypeError('An application pack needs an authorised, served notice and an application');
  }
  const pack = packOf(dvpnCase);
  return planFrom(
    DvpoApplicationPackInput.safeParse({
      caseReference: caseReference(dvpnCase),
      court: application.court,
      applicant: documentOfficer(application.preparedBy),
      respondent: {
        fullName: details.recipient.name,
        dateOfBirth: details.recipient.dateOfBirth,
        address: service.addressForHearingNotice ?? details.recipient.address,
      },
      protectedPerson: { fullName: details.protectedPerson.name },
      dvpn: {
        documentReference: notice?.documentId,
        authorisedBy: documentOfficer(decision.by),
        authorisedAt: decision.at,
        servedAt: service.servedAt,
        servedBy: documentOfficer(service.servedBy),
      },
      hearingLatestBy: service.hearingDueBy,
      grounds: [
        `Incident: ${details.incident.summary}`,
        `${groundLabels[details.grounds.kind]}: ${details.grounds.detail}`,
        `Authorising officer's reasonable grounds: ${decision.reasonableGrounds}`,
        `Why an order is needed: ${application.summary}`,
      ].join('\n\n'),
      provisionsSought: [
        pack.mandatoryCondition.text.replace('this notice', 'the order'),
        ...application.conditionsSought.map((condition) =>
          provisionText(condition, dvpnCase, application.stayAwayDistanceMetres),
        ),
      ],
      durationDays: application.durationSoughtDays,
      considerations: {
        childWelfare: details.children.relevant
          ? details.children.details
          : 'No child whose welfare is relevant was identified.',
        protectedPersonOpinion: `${details.protectedPersonOpinion.opinion} (sought: ${details.protectedPersonOpinion.howSought})`,
        respondentRepresentations: `${details.recipientRepresentations.representations} (sought: ${details.recipientRepresentations.howSought})`,
      },
      evidence: [],
    }),
  );
};
