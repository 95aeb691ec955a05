import type { Grade } from './vocabulary.ts';

/**
 * Phrases in what a person writes that make domestic abuse apparent (000 §3.1-3.3, §9.5). Matching is on
 * whole words after lower-casing and dropping apostrophes and punctuation ("won't" is "wont", "ex-partner"
 * is "ex partner"); a trailing `*` matches any ending ("threaten*" covers threatened, threatens).
 *
 * Maintained list: add a phrase with a screening test that quotes a sentence it must catch. A phrase that
 * names a risk to life or a crime against a child raises the default grade to P1 (000 §8.3).
 */

export const indicatorThemes = [
  'coercive-control',
  'threats',
  'violence',
  'ex-partner',
  'honour-based-abuse',
  'forced-marriage',
  'fgm',
  'named-as-domestic-abuse',
] as const;
export type IndicatorTheme = (typeof indicatorThemes)[number];

export const indicatorThemeLabels: Readonly<Record<IndicatorTheme, string>> = {
  'coercive-control': 'Controlling or coercive behaviour (Serious Crime Act 2015 s.76)',
  threats: 'Threats',
  violence: 'Violence typical of domestic abuse',
  'ex-partner': 'Names an ex-partner',
  'honour-based-abuse': 'So-called honour-based abuse',
  'forced-marriage': 'Forced marriage',
  fgm: 'Female genital mutilation',
  'named-as-domestic-abuse': 'Described as domestic abuse',
};

export interface IndicatorPhrase {
  readonly phrase: string;
  readonly theme: IndicatorTheme;
  readonly grade: Extract<Grade, 'P1' | 'P2'>;
}

const theme =
  (name: IndicatorTheme, grade: IndicatorPhrase['grade']) =>
  (...phrases: string[]): IndicatorPhrase[] =>
    phrases.map((phrase) => ({ phrase, theme: name, grade }));

export const indicatorPhrases: readonly IndicatorPhrase[] = [
  ...theme('coercive-control', 'P2')(
    'coercive control',
    'controlling behaviour',
    'controls my money',
    'controls all my money',
    'controls everything',
    'keeps my bank card',
    'keeps my passport',
    'hides my passport',
    'wont let me leave',
    'wont let me go out',
    'wont let me see my',
    'doesnt let me leave',
    'doesnt let me go out',
    'doesnt let me see my',
    'not allowed to see my',
    'not allowed out',
    'not allowed to go out',
    'checks my phone',
    'goes through my phone',
    'track* my phone',
    'track* my location',
    'tracker on my car',
    'isolat* me from',
    'stops me seeing',
    'stopped me seeing',
    'keeps me from seeing',
    'lock* me in',
    'walking on eggshells',
  ),
  ...theme('threats', 'P1')(
    'threat* to kill',
    'going to kill me',
    'gonna kill me',
    'will kill me',
    'said he would kill',
    'said she would kill',
    'kill me if',
    'threat* to kill himself',
    'threat* to kill herself',
  ),
  ...theme('threats', 'P2')(
    'threat* to take the children',
    'threat* to take the kids',
    'threat* to take my children',
    'threat* to take my kids',
    'threat* to hurt me',
    'threat* to share',
    'threat* to post',
    'intimate images',
    'intimate photos',
    'nude photos',
    'nudes of me',
    'revenge porn',
  ),
  ...theme('violence', 'P1')(
    'strangl*',
    'chok* me',
    'hands around my neck',
    'hand around my neck',
    'hands round my neck',
    'hand round my neck',
    'hands around my throat',
    'hand around my throat',
    'suffocat*',
    'raped me',
  ),
  ...theme('ex-partner', 'P2')(
    'my ex',
    'ex partner',
    'ex boyfriend',
    'ex girlfriend',
    'ex husband',
    'ex wife',
    'former partner',
  ),
  ...theme('named-as-domestic-abuse', 'P2')(
    'domestic abuse',
    'domestic violence',
    'abusive relationship',
    'abusive partner',
    'abusive husband',
    'abusive wife',
    'abusive boyfriend',
    'abusive girlfriend',
  ),
  ...theme('honour-based-abuse', 'P1')(
    'honour',
    'dishonour*',
    'shame on the family',
    'shame on my family',
    'shamed the family',
    'shamed my family',
    'bring* shame',
    'brought shame',
    'izzat',
  ),
  ...theme('forced-marriage', 'P1')(
    'forced marriage',
    'forced to marry',
    'forc* me to marry',
    'make me marry',
    'making me marry',
    'married against my will',
    'marry against my will',
    'taken abroad to marry',
    'take me abroad to marry',
  ),
  ...theme('fgm', 'P1')(
    'fgm',
    'female genital mutilation',
    'female circumcision',
    'cutting ceremony',
    'to be cut',
    'get cut',
    'getting cut',
  ),
];
