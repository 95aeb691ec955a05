import { considerationKeys } from '../domain/considerations.ts';
import { optionalConditions } from '../domain/rules-packs.ts';
import type { HearingCommand, ServiceCommand } from '../domain/workflow.ts';
import { formSchema } from './reader.ts';

/** Step 3: authorise (with every consideration affirmed and the grounds) or refuse (with a reason). */
export const DecisionForm = formSchema((form) => {
  const decision = form.choice(
    'decision',
    ['authorise', 'refuse'] as const,
    'Select whether you authorise or refuse the notice',
  );
  if (decision === 'refuse') {
    const reason = form.text('reason', 'Enter the reason for refusing the notice', 2000, 'The reason');
    return { decision, reason: reason ?? '' } as const;
  }
  const affirmed = form.choices(
    'considerations',
    considerationKeys,
    'Select the considerations from the list',
  );
  const reasonableGrounds = form.optionalText('reasonableGrounds', 2000, 'Your reasonable grounds') ?? '';
  return { decision: decision ?? 'authorise', affirmed, reasonableGrounds } as const;
});

/** Step 5: personal service, recorded by the serving constable (CSA 2010 s.25(2)-(3)). */
export const ServiceForm = formSchema((form): ServiceCommand => {
  const servedAt = form.dateTime('servedAt', 'Service');
  const place = form.text('place', 'Enter where the notice was served', 300, 'Where it was served');
  const addressGiven = form.yesNo(
    'addressGiven',
    'Select yes if the recipient gave an address for notice of the hearing',
  );
  const address = form.optionalText('addressForHearingNotice', 300, 'The address');
  if (addressGiven && !address)
    form.problem('addressForHearingNotice', 'Enter the address the recipient gave');
  return {
    servedAt: servedAt ?? new Date(0),
    place: place ?? '',
    addressForHearingNotice: addressGiven ? (address ?? '') : null,
  };
});

/** Step 6: the order application the documents service turns into the court pack. */
export const ApplicationForm = formSchema((form) => {
  const court = form.text('court', "Enter the magistrates' court", 200, 'The court');
  const conditionsSought = form.choices('conditions', optionalConditions, 'Select conditions from the list');
  const stayAwayDistanceMetres = form.wholeNumber(
    'stayAwayDistance',
    {
      missing: 'Enter the distance in metres',
      notNumber: 'The distance must be a whole number of metres, like 100',
      range: 'The distance must be between 1 and 10,000 metres',
    },
    { min: 1, max: 10_000 },
    conditionsSought.includes('stay-away'),
  );
  const untilFurtherOrder =
    form.choices('untilFurtherOrder', ['yes'] as const, 'Select until further order').length > 0;
  const durationSoughtDays = untilFurtherOrder
    ? null
    : (form.wholeNumber(
        'durationSoughtDays',
        {
          missing: 'Enter how many days the order should last',
          notNumber: 'The number of days must be a whole number, like 28',
          range: 'The number of days must be between 1 and 3,650',
        },
        { min: 1, max: 3650 },
      ) ?? 0);
  const summary = form.text('summary', 'Enter why an order is needed', 1500, 'Why an order is needed');
  return {
    court: court ?? '',
    conditionsSought,
    stayAwayDistanceMetres,
    durationSoughtDays,
    summary: summary ?? '',
  };
});

/** The hearing: granted (conditions and duration), refused, or adjourned (the notice stays in force). */
export const HearingForm = formSchema((form): HearingCommand => {
  const heardAt = form.dateTime('heardAt', 'The hearing') ?? new Date(0);
  const outcome = form.choice(
    'outcome',
    ['granted', 'refused', 'adjourned'] as const,
    'Select the outcome of the hearing',
  );
  switch (outcome) {
    case 'granted': {
      const conditions = form.choices('conditions', optionalConditions, 'Select conditions from the list');
      const stayAwayDistanceMetres = form.wholeNumber(
        'stayAwayDistance',
        {
          missing: 'Enter the distance in metres',
          notNumber: 'The distance must be a whole number of metres, like 100',
          range: 'The distance must be between 1 and 10,000 metres',
        },
        { min: 1, max: 10_000 },
        conditions.includes('stay-away'),
      );
      const untilFurtherOrder =
        form.choices('untilFurtherOrder', ['yes'] as const, 'Select until further order').length > 0;
      const durationDays = untilFurtherOrder
        ? null
        : (form.wholeNumber(
            'durationDays',
            {
              missing: 'Enter how many days the order lasts',
              notNumber: 'The number of days must be a whole number, like 28',
              range: 'The number of days must be between 1 and 3,650',
            },
            { min: 1, max: 3650 },
          ) ?? 0);
      return { outcome, heardAt, conditions, stayAwayDistanceMetres, durationDays };
    }
    case 'adjourned': {
      const adjournedTo = form.dateTime('adjournedTo', 'The adjourned hearing') ?? new Date(0);
      const reason = form.text('adjournReason', 'Enter why the hearing was adjourned', 3000, 'The reason');
      return { outcome, heardAt, adjournedTo, reason: reason ?? '' };
    }
    default: {
      const reason = form.text(
        'refuseReason',
        "Enter the court's reason for refusing the order",
        3000,
        'The reason',
      );
      return { outcome: 'refused', heardAt, reason: reason ?? '' };
    }
  }
});

/** A breach of the notice or the order, whichever was in force then. */
export const BreachForm = formSchema((form) => {
  const occurredAt = form.dateTime('occurredAt', 'The breach') ?? new Date(0);
  const description = form.text('description', 'Enter what happened', 3000, 'What happened');
  const arrested = form.yesNo('arrested', 'Select yes if the recipient was arrested');
  return { occurredAt, description: description ?? '', arrested: arrested ?? false };
});
