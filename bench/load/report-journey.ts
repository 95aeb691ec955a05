import { dateFields, type Journey, question } from './journey.ts';

const prefix = '/report';
const at = (page: string) => `${prefix}/${page}`;

/**
 * The public report journey (services/online-report/domain/journey/definition.ts) as a person reporting
 * messages from an ex-partner walks it: the domestic-abuse path, so each report is also relayed to the
 * work queue. Every person has a name, an email address and a suspect of their own, so no report is
 * matched to another as a repeat (services/online-report/domain/identity.ts). `today` is the day of the
 * run: the incident was three days before.
 */
export const reportJourney = (today: Date): Journey => {
  const incident = new Date(today.getTime() - 3 * 86_400_000);
  const no = (field: string) => () => ({ [field]: 'no' });
  return {
    name: 'report',
    label: 'public report (domestic abuse)',
    steps: [
      { kind: 'page', method: 'GET', path: prefix, expect: { status: 200 } },
      ...question(prefix, 'in-danger', no('inDanger'), at('happening-now')),
      ...question(prefix, 'happening-now', no('happeningNow'), at('suspect-present')),
      ...question(prefix, 'suspect-present', no('suspectPresent'), at('anyone-injured')),
      ...question(prefix, 'anyone-injured', no('anyoneInjured'), at('what-happened')),
      ...question(prefix, 'what-happened', () => ({ category: 'nuisance-communications' }), at('when')),
      ...question(prefix, 'when', () => dateFields('incidentDate', incident), at('where')),
      ...question(prefix, 'where', () => ({ location: 'Outside the flats' }), at('description')),
      ...question(
        prefix,
        'description',
        () => ({ description: 'My ex keeps sending me messages late at night.' }),
        at('suspect-known'),
      ),
      ...question(prefix, 'suspect-known', () => ({ suspectKnown: 'yes' }), at('suspect-details')),
      ...question(
        prefix,
        'suspect-details',
        (person) => ({ suspectName: `Jordan ${person.tag}` }),
        at('suspect-age'),
      ),
      ...question(prefix, 'suspect-age', () => ({ suspectAge: '18-or-over' }), at('relationship')),
      ...question(prefix, 'relationship', () => ({ relationship: 'ex-partner' }), at('your-name')),
      ...question(
        prefix,
        'your-name',
        (person) => ({ fullName: `Sam ${person.tag}` }),
        at('your-date-of-birth'),
      ),
      ...question(
        prefix,
        'your-date-of-birth',
        () => dateFields('dateOfBirth', new Date(Date.UTC(1990, 10, 4))),
        at('contact-methods'),
      ),
      ...question(
        prefix,
        'contact-methods',
        (person) => ({ contactMethods: ['email'], email: `sam.${person.tag.toLowerCase()}@example.com` }),
        at('safe-times'),
      ),
      ...question(prefix, 'safe-times', () => ({ safeTimes: 'any-time' }), at('messages')),
      ...question(prefix, 'messages', () => ({ messagesAllowed: 'no' }), at('safe-word')),
      ...question(prefix, 'safe-word', () => ({}), at('check-your-answers')),
      { kind: 'page', method: 'GET', path: at('check-your-answers'), expect: { status: 200 } },
      {
        kind: 'submit',
        method: 'POST',
        path: at('check-your-answers'),
        expect: { status: 303, location: at('confirmation') },
      },
      { kind: 'page', method: 'GET', path: at('confirmation'), expect: { status: 200 } },
    ],
  };
};
