import { type Section, sections, sectionTitles } from '../domain/journey/definition.ts';
import type { SummaryRow } from '../domain/journey/engine.ts';

export interface SummarySection {
  readonly title: string;
  readonly rows: readonly SummaryRow[];
}

/** Check your answers in the journey's sections, each with its rows in the order asked. */
export const summarySections = (rows: readonly SummaryRow[]): SummarySection[] =>
  sections
    .map((section: Section) => ({
      title: sectionTitles[section],
      rows: rows.filter((row) => row.section === section),
    }))
    .filter((section) => section.rows.length > 0);
