import type { NotificationAudience } from '../../../shared/contracts/staff-notification.ts';
import type { DirectoryEntry, ForceLeads } from './directory.ts';

/**
 * Who is told, at once, of an allegation of domestic abuse against a member of staff.
 *
 * PP/04 §7.2: the inspector or manager ensures the Professional Standards Department is informed and early
 * advice is sought from a supervisor within the domestic abuse investigation; NPU/Department Commanders are
 * notified of all allegations against their staff. APP "Immediate referral" adds the nominated NPCC officer
 * (here the chief officer responsible): if the suspect is that officer, the chief officer of the force (the
 * chief constable) is told instead; if the suspect is the chief constable, the information goes directly to
 * the Police and Crime Commissioner and to nobody in the force.
 */

export const recipientRoles = [
  'psd',
  'local-commander',
  'domestic-abuse-supervisor',
  'chief-officer-responsible',
  'chief-constable',
  'police-and-crime-commissioner',
] as const;
export type RecipientRole = (typeof recipientRoles)[number];

export interface Recipient {
  readonly role: RecipientRole;
  readonly label: string;
  readonly audience: NotificationAudience;
}

export const psdAudience: NotificationAudience = {
  kind: 'group',
  department: 'PSD',
  label: 'Professional Standards Department',
};

const pccAudience: NotificationAudience = {
  kind: 'group',
  department: 'OPCC',
  label: 'Office of the Police and Crime Commissioner',
};

/** Who stands in for the domestic abuse supervisor when they are the suspect. */
const ppuInspectorsAudience: NotificationAudience = {
  kind: 'group',
  department: 'PPU',
  minimumRank: 'inspector',
  label: 'Public Protection Unit inspectors',
};

const person = (role: RecipientRole, label: string, collarNumber: string): Recipient => ({
  role,
  label,
  audience: { kind: 'person', collarNumber },
});

export const routeAllegation = (suspect: DirectoryEntry, leads: ForceLeads): Recipient[] => {
  if (suspect.collarNumber === leads.chiefConstable) {
    return [
      {
        role: 'police-and-crime-commissioner',
        label: 'Police and Crime Commissioner',
        audience: pccAudience,
      },
    ];
  }
  const suspectIsChiefOfficerResponsible = suspect.collarNumber === leads.chiefOfficerResponsible;
  const commander =
    suspect.commander && suspect.commander !== suspect.collarNumber ? suspect.commander : suspect.lineManager;
  const candidates: Recipient[] = [
    { role: 'psd', label: 'Professional Standards Department', audience: psdAudience },
    // Before the commander, so that when the chief constable is also the suspect's commander they are named as such.
    suspectIsChiefOfficerResponsible
      ? person('chief-constable', 'Chief constable', leads.chiefConstable)
      : person('chief-officer-responsible', 'Chief officer responsible', leads.chiefOfficerResponsible),
    ...(commander ? [person('local-commander', 'Local commander', commander)] : []),
    suspect.collarNumber === leads.domesticAbuseSupervisor
      ? {
          role: 'domestic-abuse-supervisor',
          label: 'Domestic abuse investigation supervisor',
          audience: ppuInspectorsAudience,
        }
      : person(
          'domestic-abuse-supervisor',
          'Domestic abuse investigation supervisor',
          leads.domesticAbuseSupervisor,
        ),
  ];
  const seen = new Set<string>([suspect.collarNumber]);
  return candidates.filter((recipient) => {
    if (recipient.audience.kind !== 'person') return true;
    if (seen.has(recipient.audience.collarNumber)) return false;
    seen.add(recipient.audience.collarNumber);
    return true;
  });
};
