import * as z from 'zod';

/**
 * What can be reported online. Online reporting is not the channel for emergencies or violent offences
 * (000 §8.3.1): those categories end on a diversion page and nothing is stored.
 *
 * - `online`: taken by this form.
 * - `call-999`: a risk to life right now, even though the emergency questions were answered no.
 * - `call-101`: the force needs to speak to the person (violence, sexual offences, burglary, missing people).
 */
export const categoryRoutes = ['online', 'call-999', 'call-101'] as const;
export type CategoryRoute = (typeof categoryRoutes)[number];

export interface Category {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly route: CategoryRoute;
}

export const categories = [
  { id: 'theft', label: 'Something was stolen', hint: 'Not taken by force or threats', route: 'online' },
  { id: 'criminal-damage', label: 'Damage to property or a vehicle', route: 'online' },
  { id: 'vehicle-crime', label: 'Theft of or from a vehicle', route: 'online' },
  {
    id: 'nuisance-communications',
    label: 'Unwanted or abusive messages, calls or posts',
    hint: 'Including messages on social media',
    route: 'online',
  },
  {
    id: 'anti-social-behaviour',
    label: 'Anti-social behaviour',
    hint: 'For example, noise or nuisance',
    route: 'online',
  },
  { id: 'other', label: 'Something else', route: 'online' },
  {
    id: 'assault',
    label: 'Someone was hurt, attacked or threatened with violence',
    route: 'call-101',
  },
  { id: 'sexual-offence', label: 'A sexual assault or rape', route: 'call-101' },
  { id: 'robbery', label: 'Something was taken by force or threats', route: 'call-101' },
  { id: 'burglary', label: 'A break-in at a home or building', route: 'call-101' },
  { id: 'missing-person', label: 'Someone is missing', route: 'call-101' },
  {
    id: 'weapon',
    label: 'Someone has a weapon or has threatened to use one',
    route: 'call-999',
  },
] as const satisfies readonly Category[];

export type CategoryId = (typeof categories)[number]['id'];
export const categoryIds = categories.map((category) => category.id) as [CategoryId, ...CategoryId[]];
export const CategoryIdSchema = z.enum(categoryIds);

const byId: ReadonlyMap<string, Category> = new Map(categories.map((category) => [category.id, category]));

export const categoryOf = (id: string): Category | undefined => byId.get(id);

export const categoryIdsRoutedTo = (route: CategoryRoute): string[] =>
  categories.filter((category) => category.route === route).map((category) => category.id);
