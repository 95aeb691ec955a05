import * as z from 'zod';
import { ageOn } from './age.ts';
import {
  type IndicatorPhrase,
  type IndicatorTheme,
  indicatorPhrases,
  indicatorThemeLabels,
  indicatorThemes,
} from './indicator-phrases.ts';
import { type AgeBand, domesticRelationships, Relationship, relationshipLabels } from './vocabulary.ts';

/**
 * The domestic-abuse screen of an online report (000 §8.3.1): decides from the answers and the free text
 * whether domestic abuse is apparent, and says which answers or phrases made it so. Pure and total: the
 * same report always gives the same result.
 */

export const screenedTextFields = ['description', 'location'] as const;
export type ScreenedTextField = (typeof screenedTextFields)[number];

export interface ScreeningInput {
  readonly incidentDate: string;
  readonly relationship?: Relationship | undefined;
  readonly reporterDateOfBirth?: string | undefined;
  readonly suspectDateOfBirth?: string | undefined;
  readonly suspectAgeBand?: AgeBand | undefined;
  readonly texts: readonly { readonly field: ScreenedTextField; readonly text: string }[];
}

export const TriggerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('relationship'), relationship: Relationship, explanation: z.string() }),
  z.object({
    kind: z.literal('phrase'),
    phrase: z.string(),
    theme: z.enum(indicatorThemes),
    field: z.enum(screenedTextFields),
    grade: z.enum(['P1', 'P2']),
    explanation: z.string(),
  }),
]);
export type Trigger = z.infer<typeof TriggerSchema>;

/** Special interest markers a domestic-abuse record carries (000 §8.3.1). */
export const markerValues = [
  'domestic-abuse',
  'coercive-control',
  'honour-based-abuse',
  'forced-marriage',
  'fgm',
  'repeat-victim',
  'possible-serial-perpetrator',
] as const;
export type Marker = (typeof markerValues)[number];

export const markerLabels: Readonly<Record<Marker, string>> = {
  'domestic-abuse': 'Domestic abuse',
  'coercive-control': 'Controlling or coercive behaviour',
  'honour-based-abuse': 'Honour-based abuse',
  'forced-marriage': 'Forced marriage',
  fgm: 'FGM',
  'repeat-victim': 'Repeat victim',
  'possible-serial-perpetrator': 'Possible serial perpetrator',
};

const themeMarkers: Partial<Readonly<Record<IndicatorTheme, Marker>>> = {
  'coercive-control': 'coercive-control',
  'honour-based-abuse': 'honour-based-abuse',
  'forced-marriage': 'forced-marriage',
  fgm: 'fgm',
};

export const ScreeningResultSchema = z.object({
  apparent: z.boolean(),
  triggers: z.array(TriggerSchema),
  markers: z.array(z.enum(markerValues)),
  /** P1 or P2 (000 §8.3): never P3 from the screen, which cannot confirm anyone's safety. */
  defaultGrade: z.enum(['P1', 'P2']).optional(),
  gradeReason: z.string().optional(),
  /** Things the contact handler should know about how the screen read the answers. */
  notes: z.array(z.string()),
  /** A child under 16 describes harm by a partner or family member: outside the definition, never to wait. */
  childSafeguarding: z.boolean(),
});
export type ScreeningResult = z.infer<typeof ScreeningResultSchema>;

/** Lower case, accents, possessive 's and apostrophes dropped, everything else that is not a letter or digit a space. */
export const wordsOf = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]s\b/g, '')
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');

const wordMatches = (pattern: string, word: string): boolean =>
  pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern;

/** Whether the words contain the phrase as a run of whole words. */
export const containsPhrase = (words: readonly string[], phrase: string): boolean => {
  const pattern = wordsOf(phrase.replace(/\*/g, 'WILDCARD')).map((word) => word.replace(/wildcard$/, '*'));
  if (pattern.length === 0) return false;
  for (let start = 0; start + pattern.length <= words.length; start += 1) {
    if (pattern.every((part, offset) => wordMatches(part, words[start + offset] as string))) return true;
  }
  return false;
};

const phraseTriggers = (
  texts: ScreeningInput['texts'],
  phrases: readonly IndicatorPhrase[],
): Extract<Trigger, { kind: 'phrase' }>[] => {
  const triggers: Extract<Trigger, { kind: 'phrase' }>[] = [];
  const wordsByField = texts.map(({ field, text }) => ({ field, words: wordsOf(text) }));
  for (const entry of phrases) {
    const found = wordsByField.find(({ words }) => containsPhrase(words, entry.phrase));
    if (!found) continue;
    triggers.push({
      kind: 'phrase',
      phrase: entry.phrase,
      theme: entry.theme,
      field: found.field,
      grade: entry.grade,
      explanation: `"${entry.phrase}" in ${found.field === 'description' ? 'what happened' : 'where it happened'}: ${indicatorThemeLabels[entry.theme]}`,
    });
  }
  return triggers;
};

type AgeReading = { readonly over16: boolean; readonly note?: string };

const suspectAge = (input: ScreeningInput): AgeReading => {
  if (input.suspectDateOfBirth) return { over16: ageOn(input.suspectDateOfBirth, input.incidentDate) >= 16 };
  switch (input.suspectAgeBand) {
    case '16-17':
    case '18-or-over':
      return { over16: true };
    case 'under-16':
      return { over16: false };
    default:
      return {
        over16: true,
        note: 'The age of the other person is not known: treated as 16 or over, so that abuse is not missed.',
      };
  }
};

const relationshipTrigger = (
  input: ScreeningInput,
  notes: string[],
): { trigger?: Extract<Trigger, { kind: 'relationship' }>; childSafeguarding: boolean } => {
  const { relationship } = input;
  if (!relationship || !domesticRelationships.has(relationship)) return { childSafeguarding: false };
  const reporterOver16 =
    input.reporterDateOfBirth === undefined || ageOn(input.reporterDateOfBirth, input.incidentDate) >= 16;
  const suspect = suspectAge(input);
  if (!reporterOver16) {
    notes.push(
      'The person reporting was under 16 when it happened: not domestic abuse as defined (both must be 16 or over), but a child at risk to safeguard.',
    );
    return { childSafeguarding: true };
  }
  if (!suspect.over16) {
    notes.push('The other person is under 16: not domestic abuse as defined (both must be 16 or over).');
    return { childSafeguarding: relationship === 'partner' || relationship === 'ex-partner' };
  }
  if (suspect.note) notes.push(suspect.note);
  return {
    trigger: {
      kind: 'relationship',
      relationship,
      explanation: `The person who did it is their ${relationshipLabels[relationship].toLowerCase()}, both 16 or over (000 §3.1; Domestic Abuse Act 2021 ss.1-2)`,
    },
    childSafeguarding: false,
  };
};

const markersOf = (triggers: readonly Trigger[]): Marker[] => {
  const markers = new Set<Marker>(['domestic-abuse']);
  for (const trigger of triggers) {
    const marker = trigger.kind === 'phrase' ? themeMarkers[trigger.theme] : undefined;
    if (marker) markers.add(marker);
  }
  return markerValues.filter((marker) => markers.has(marker));
};

/** Screens a report for domestic abuse against the maintained phrase list (or another, for tests). */
export const screenForDomesticAbuse = (
  input: ScreeningInput,
  phrases: readonly IndicatorPhrase[] = indicatorPhrases,
): ScreeningResult => {
  const notes: string[] = [];
  const relationship = relationshipTrigger(input, notes);
  const phraseHits = phraseTriggers(input.texts, phrases);
  const triggers: Trigger[] = [...(relationship.trigger ? [relationship.trigger] : []), ...phraseHits];
  if (triggers.length === 0) {
    return {
      apparent: false,
      triggers,
      markers: [],
      notes,
      childSafeguarding: relationship.childSafeguarding,
    };
  }
  const urgent = phraseHits.filter((hit) => hit.grade === 'P1');
  return {
    apparent: true,
    triggers,
    markers: markersOf(triggers),
    defaultGrade: urgent.length > 0 ? 'P1' : 'P2',
    gradeReason:
      urgent.length > 0
        ? `P1: ${[...new Set(urgent.map((hit) => indicatorThemeLabels[hit.theme].toLowerCase()))].join(', ')} mentioned`
        : 'P2: domestic abuse is never lower than P2 until the victim is confirmed safe (000 §8.3)',
    notes,
    childSafeguarding: relationship.childSafeguarding,
  };
};
