import { type DapnNoticeInput, DapnNoticeInput as schema } from '../../../../shared/contracts/documents.ts';
import { protectionNotice } from './protection-notice.ts';
import type { Template } from './template.ts';

/**
 * The sentences the Domestic Abuse Act 2021 requires a DAPN to state (s.22(2), s.25(2)-(4)), and what the
 * recipient most needs to know of ss.26, 29 and 35-41, as this notice prints them, by name. Tests read them
 * back out of the rendered PDF; a wording change here is a legal change and should be reviewed as one.
 */
export const dapnStatutoryStatements = (input: DapnNoticeInput) => {
  const protectedName = input.protectedPerson.fullName;
  return {
    // s.22(1), (8): who gives it and under what power.
    issuedUnder:
      'This notice is given to you under section 22 of the Domestic Abuse Act 2021 by a police officer of the rank of inspector or above.',
    // s.25(2)(a) with s.22(3)-(4): the grounds.
    grounds: `The authorising officer has reasonable grounds for believing that you have been abusive towards ${protectedName}, a person aged 16 or over to whom you are personally connected, and that giving you this notice is necessary to protect ${protectedName} from domestic abuse, or the risk of domestic abuse, carried out by you.`,
    // s.22(2): the prohibition every DAPN contains.
    notAbusive: `You must not be abusive towards ${protectedName}.`,
    // s.22(7).
    whereInForce: 'This notice has effect in all parts of the United Kingdom.',
    // s.25(2)(b) with s.26(1): power of arrest.
    arrest:
      'A constable may arrest you without warrant if the constable has reasonable grounds for believing that you are in breach of this notice.',
    // s.26(2)-(4): what follows an arrest for breach.
    afterArrest:
      'If you are arrested for breaching this notice, you must be held in custody and brought before the magistrates’ court within 24 hours of your arrest, not counting Sundays, Christmas Day, Good Friday or any bank holiday in England and Wales, or at the hearing of the application if that is sooner.',
    // s.25(2)(c) with s.28(3) and s.29(2)-(4): the DAPO hearing.
    hearing:
      'The police must apply to a magistrates’ court for a domestic abuse protection order. The application will be heard by a magistrates’ court within 48 hours of the time this notice was given to you, not counting Sundays, Christmas Day, Good Friday or any bank holiday in England and Wales, and notice of the hearing will be given to you.',
    // s.25(2)(d) with s.29(7): duration.
    duration: 'This notice continues in effect until that application has been determined or withdrawn.',
    // s.25(2)(e) with s.35(1)-(5) and s.36(2): what a DAPO may contain.
    dapoRequirements:
      'A domestic abuse protection order may impose any requirements that the court considers necessary to protect the person it protects from domestic abuse or the risk of domestic abuse, including prohibitions and restrictions.',
    dapoProhibitions:
      'For example, it may prohibit you from contacting that person, or from coming within a stated distance of the premises where that person lives or of other stated premises.',
    dapoPremises:
      'Where you live in the same premises as that person, it may also prohibit you from evicting or excluding them from the premises or from entering the premises, or require you to leave the premises.',
    dapoPositive: 'It may also require you to do things, under the supervision of a person the order names.',
    // s.35, s.37 and s.38(5): electronic monitoring.
    dapoMonitoring:
      'A domestic abuse protection order may require you to submit to electronic monitoring of your compliance with its other requirements, for no more than 12 months.',
    // s.41: notification requirements.
    dapoNotification:
      'If a domestic abuse protection order is made against you, you must tell the police your name, any other names you use and your home address within three days of the order being made, and tell them of any new name or new home address within three days. The court may also require you to give the police other information.',
    // s.38(3): duration, with no maximum.
    dapoLength:
      'A domestic abuse protection order has effect for a period it states, until a stated event or until further order. The law sets no maximum length.',
    // s.39(1), (5): breach of an order is an offence.
    dapoBreach:
      'Failing without reasonable excuse to comply with a requirement of a domestic abuse protection order is a criminal offence, punishable by up to five years’ imprisonment.',
    // s.25(3)-(4): personal service and the address for notice of the hearing.
    personalService: 'This notice must be served on you personally by a constable.',
    addressForHearing:
      'When serving this notice, the constable must ask you for an address at which you can be given notice of the hearing of the application.',
  };
};

/** s.23: the conditions the notice carries besides the prohibition on being abusive. */
const conditionLines = (input: DapnNoticeInput): string[] => {
  const who = input.protectedPerson.fullName;
  const { keepAway, sharedPremises: shared } = input;
  return [
    input.noContact ? `You must not contact ${who}.` : '',
    keepAway
      ? `You must not come within ${keepAway.metres} metres of any premises in England or Wales in which ${who} lives${keepAway.address ? `, including ${keepAway.address}` : ''}.`
      : '',
    shared?.noEvictionOrExclusion ? `You must not evict or exclude ${who} from ${shared.address}.` : '',
    shared?.noEntry ? `You must not enter ${shared.address}.` : '',
    shared?.mustLeave ? `You must leave ${shared.address} now.` : '',
  ].filter((line) => line !== '');
};

export const dapnNotice: Template<'dapn-notice'> = {
  type: 'dapn-notice',
  title: 'Domestic Abuse Protection Notice',
  schema,
  compose: (input) => {
    const statute = dapnStatutoryStatements(input);
    return protectionNotice(input, {
      title: 'Domestic Abuse Protection Notice',
      subtitle: 'Domestic Abuse Act 2021, sections 22 to 25',
      keywords: ['DAPN', 'Domestic Abuse Act 2021'],
      statute,
      groundsHeading: '1  Why this notice has been given',
      prohibition: {
        statement: statute.notAbusive,
        detail: input.abuseDetail,
        // DAA 2021 s.1(3), (5): what "abusive" covers, including behaviour aimed at someone else.
        explanation:
          'Being abusive includes physical or sexual abuse, violent or threatening behaviour, controlling or coercive behaviour, economic abuse, and psychological, emotional or other abuse, whether in person or by any other means, including phone calls, messages, social media or through someone else, and including behaviour directed at someone else, such as their child.',
        conditionsLead: 'This notice also says:',
        conditions: conditionLines(input),
      },
      afterProhibition: [statute.whereInForce],
      afterArrest: [statute.afterArrest],
      orderHeading: '6  What a domestic abuse protection order may contain',
      orderContents: [
        statute.dapoRequirements,
        statute.dapoProhibitions,
        statute.dapoPremises,
        statute.dapoPositive,
        statute.dapoMonitoring,
        statute.dapoNotification,
        statute.dapoLength,
        statute.dapoBreach,
      ],
      hearingDeadlineLine:
        'Hearing to be held no later than (48 hours after the notice was given, not counting Sundays or holidays)',
    });
  },
};
