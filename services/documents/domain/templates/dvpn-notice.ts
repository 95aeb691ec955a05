import { type DvpnNoticeInput, DvpnNoticeInput as schema } from '../../../../shared/contracts/documents.ts';
import { protectionNotice } from './protection-notice.ts';
import type { Template } from './template.ts';

/**
 * The sentences the Crime and Security Act 2010 requires a DVPN to state (s.24(6), s.25(1)-(3)), as this
 * notice prints them, by name. Tests read them back out of the rendered PDF; a wording change here is a legal
 * change and should be reviewed as one.
 */
export const dvpnStatutoryStatements = (input: DvpnNoticeInput) => {
  const protectedName = input.protectedPerson.fullName;
  return {
    // s.24(1)-(2): who issues it and under what power.
    issuedUnder:
      'This notice is issued to you under section 24 of the Crime and Security Act 2010 by a police officer of the rank of superintendent or above.',
    // s.25(1)(a) with s.24(2): the grounds.
    grounds: `The authorising officer has reasonable grounds for believing that you have been violent towards, or have threatened violence towards, ${protectedName}, who is associated with you, and that this notice is necessary to protect ${protectedName} from violence or a threat of violence by you.`,
    // s.24(6): the prohibition every DVPN contains.
    molestation: `You must not molest ${protectedName}.`,
    // s.25(1)(b): power of arrest.
    arrest:
      'A constable may arrest you without warrant if the constable has reasonable grounds for believing that you are in breach of this notice.',
    // s.25(1)(c) with s.27(4)-(5): the DVPO hearing.
    hearing: `A constable must apply to the magistrates’ court for a domestic violence protection order. The application will be heard within 48 hours of the time this notice was served on you, not counting Sundays, Christmas Day, Good Friday or any bank holiday, and notice of the hearing will be given to you.`,
    // s.25(1)(d): duration.
    duration: 'This notice continues in effect until that application has been determined.',
    // s.25(1)(e) with s.28(6)-(8), (10) and s.29: what a DVPO may contain.
    dvpoContent:
      'A domestic violence protection order may prohibit you from molesting the person it protects. Where you live in the same premises as that person, it may also prohibit you from evicting or excluding them from the premises or from entering the premises, require you to leave the premises, or prohibit you from coming within a stated distance of the premises.',
    dvpoLength:
      'A domestic violence protection order lasts for at least 14 days and no more than 28 days from the day it is made.',
    dvpoArrest:
      'A constable may arrest without warrant a person whom the constable has reasonable grounds for believing to be in breach of a domestic violence protection order.',
    // s.25(2)-(3): personal service and the address for notice of the hearing.
    personalService: 'This notice must be served on you personally by a constable.',
    addressForHearing:
      'When serving this notice, the constable must ask you for an address at which you can be given notice of the hearing.',
  };
};

/** s.24(8): what the notice may say about premises the two share. */
const premisesProvisions = (input: DvpnNoticeInput): string[] => {
  const premises = input.premises;
  if (!premises) return [];
  const who = input.protectedPerson.fullName;
  return [
    premises.noEvictionOrExclusion ? `You must not evict or exclude ${who} from ${premises.address}.` : '',
    premises.noEntry ? `You must not enter ${premises.address}.` : '',
    premises.mustLeave ? `You must leave ${premises.address} now.` : '',
    premises.keepAwayMetres !== undefined
      ? `You must not come within ${premises.keepAwayMetres} metres of ${premises.address}.`
      : '',
  ].filter((line) => line !== '');
};

export const dvpnNotice: Template<'dvpn-notice'> = {
  type: 'dvpn-notice',
  title: 'Domestic Violence Protection Notice',
  schema,
  compose: (input) => {
    const statute = dvpnStatutoryStatements(input);
    return protectionNotice(input, {
      title: 'Domestic Violence Protection Notice',
      subtitle: 'Crime and Security Act 2010, sections 24 and 25',
      keywords: ['DVPN', 'Crime and Security Act 2010'],
      statute,
      groundsHeading: '1  Why this notice has been issued',
      prohibition: {
        statement: statute.molestation,
        detail: input.molestationDetail,
        explanation:
          'Molesting includes using or threatening violence, intimidating, harassing or pestering, in person or by any other means, including phone calls, messages, social media or through someone else.',
        conditionsLead: 'About the premises you share:',
        conditions: premisesProvisions(input),
      },
      orderHeading: '6  What a domestic violence protection order may contain',
      orderContents: [statute.dvpoContent, statute.dvpoLength, statute.dvpoArrest],
      hearingDeadlineLine:
        'Hearing to be held no later than (48 hours after service, not counting Sundays or holidays)',
    });
  },
};
