import type { FormFields } from '../../../shared/http/index.ts';
import type { DraftDetails } from '../domain/model.ts';
import { associationKinds, groundKinds, optionalConditions } from '../domain/rules-packs.ts';
import { formSchema } from './reader.ts';

/** Where a domain rule about the draft points on the form (a date's problems go to its day input). */
export const draftFieldIds: Readonly<Record<string, string>> = {
  recipientDateOfBirth: 'recipientDateOfBirth-day',
  protectedDateOfBirth: 'protectedDateOfBirth-day',
  incidentDate: 'incidentAt-day',
};

/** The draft form (step 1): every field checked with a GOV.UK message; the pack's rules are checked after. */
export const DraftForm = formSchema((form): DraftDetails => {
  const recipientName = form.text('recipientName', "Enter the recipient's full name", 120, 'Full name');
  const recipientDateOfBirth = form.date('recipientDateOfBirth', 'Date of birth', {
    missing: "Enter the recipient's date of birth",
  });
  const recipientAddress = form.text('recipientAddress', "Enter the recipient's address", 300, 'Address');
  const protectedName = form.text(
    'protectedName',
    'Enter the full name of the person to be protected',
    120,
    'Full name',
  );
  const protectedDateOfBirth = form.date('protectedDateOfBirth', 'Date of birth', { required: false });
  const association = form.choice(
    'association',
    associationKinds,
    'Select how the recipient and the person to be protected are associated',
  );
  const incidentAt = form.dateTime('incidentAt', 'The incident');
  const incidentLocation = form.text(
    'incidentLocation',
    'Enter where the incident happened',
    300,
    'Where it happened',
  );
  const incidentSummary = form.text('incidentSummary', 'Enter what happened', 2000, 'What happened');
  const groundsKind = form.choice('groundsKind', groundKinds, 'Select the grounds for the notice');
  const groundsDetail = form.text(
    'groundsDetail',
    'Enter the details of the grounds',
    2000,
    'The details of the grounds',
  );
  const childrenRelevant = form.yesNo(
    'childrenRelevant',
    'Select yes if the welfare of any child is relevant',
  );
  const childrenDetails = form.optionalText('childrenDetails', 3000, 'The children and why');
  const opinion = form.text(
    'opinion',
    "Enter the protected person's opinion about the notice",
    3000,
    'Their opinion',
  );
  const opinionHowSought = form.text(
    'opinionHowSought',
    'Enter how their opinion was sought',
    2000,
    'How it was sought',
  );
  const representations = form.text(
    'representations',
    'Enter the representations the recipient made, or "None made"',
    3000,
    'The representations',
  );
  const representationsHowSought = form.text(
    'representationsHowSought',
    'Enter how the representations were sought',
    2000,
    'How they were sought',
  );
  const sharesPremises = form.yesNo(
    'sharesPremises',
    'Select yes if the recipient lives in the same premises as the person to be protected',
  );
  const premisesAddress = form.optionalText('premisesAddress', 300, 'The address of the premises');
  const otherOccupants = form.optionalText('otherOccupants', 3000, 'Other people at the premises');
  const conditions = form.choices('conditions', optionalConditions, 'Select conditions from the list');
  const stayAwayDistanceMetres = form.wholeNumber(
    'stayAwayDistance',
    {
      missing: 'Enter the distance in metres the recipient must stay away from the premises',
      notNumber: 'The distance must be a whole number of metres, like 100',
      range: 'The distance must be between 1 and 10,000 metres',
    },
    { min: 1, max: 10_000 },
    conditions.includes('stay-away'),
  );
  const molestationDetail = form.optionalText('molestationDetail', 1000, 'Particular acts');
  const court = form.text(
    'court',
    "Enter the magistrates' court that will hear the application",
    200,
    'The court',
  );

  return {
    recipient: {
      name: recipientName ?? '',
      dateOfBirth: recipientDateOfBirth ?? '',
      address: recipientAddress ?? '',
    },
    protectedPerson: {
      name: protectedName ?? '',
      dateOfBirth: protectedDateOfBirth,
      association: association ?? 'relative',
    },
    incident: {
      occurredAt: incidentAt?.toISOString() ?? '',
      location: incidentLocation ?? '',
      summary: incidentSummary ?? '',
    },
    grounds: { kind: groundsKind ?? 'violence', detail: groundsDetail ?? '' },
    children: { relevant: childrenRelevant ?? false, details: childrenDetails ?? '' },
    protectedPersonOpinion: { opinion: opinion ?? '', howSought: opinionHowSought ?? '' },
    recipientRepresentations: {
      representations: representations ?? '',
      howSought: representationsHowSought ?? '',
    },
    sharesPremises: sharesPremises ?? false,
    premisesAddress,
    otherOccupants,
    conditions,
    stayAwayDistanceMetres: conditions.includes('stay-away') ? stayAwayDistanceMetres : undefined,
    molestationDetail,
    court: court ?? '',
  };
});

const dateFields = (name: string, date: string | undefined): Record<string, string> => {
  if (!date) return {};
  const [year, month, day] = date.split('-');
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year ?? '',
  };
};

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The form fields of an instant in London time: date parts and an HH:MM time. */
export const dateTimeFields = (name: string, instant: string | undefined): Record<string, string> => {
  if (!instant) return {};
  const parts = Object.fromEntries(
    londonParts.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
  );
  return {
    ...dateFields(name, `${parts.year}-${parts.month}-${parts.day}`),
    [`${name}Time`]: `${parts.hour}:${parts.minute}`,
  };
};

/** A stored draft as the form shows it, for editing. */
export const draftFormValues = (details: DraftDetails): FormFields => ({
  recipientName: details.recipient.name,
  ...dateFields('recipientDateOfBirth', details.recipient.dateOfBirth),
  recipientAddress: details.recipient.address,
  protectedName: details.protectedPerson.name,
  ...dateFields('protectedDateOfBirth', details.protectedPerson.dateOfBirth),
  association: details.protectedPerson.association,
  ...dateTimeFields('incidentAt', details.incident.occurredAt),
  incidentLocation: details.incident.location,
  incidentSummary: details.incident.summary,
  groundsKind: details.grounds.kind,
  groundsDetail: details.grounds.detail,
  childrenRelevant: details.children.relevant ? 'yes' : 'no',
  childrenDetails: details.children.details,
  opinion: details.protectedPersonOpinion.opinion,
  opinionHowSought: details.protectedPersonOpinion.howSought,
  representations: details.recipientRepresentations.representations,
  representationsHowSought: details.recipientRepresentations.howSought,
  sharesPremises: details.sharesPremises ? 'yes' : 'no',
  premisesAddress: details.premisesAddress ?? '',
  otherOccupants: details.otherOccupants ?? '',
  conditions: [...details.conditions],
  stayAwayDistance:
    details.stayAwayDistanceMetres === undefined ? '' : String(details.stayAwayDistanceMetres),
  molestationDetail: details.molestationDetail ?? '',
  court: details.court,
});
