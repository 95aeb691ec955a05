/**
 * What a template produces: the words of a document in reading order, as blocks. The layout engine
 * decides where they fall on pages; templates never place anything.
 */
export interface Field {
  readonly label: string;
  readonly value: string;
}

export interface Column {
  readonly header: string;
  /** Share of the content width, e.g. 0.2. */
  readonly share: number;
}

export type Block =
  /** A numbered section heading; never left alone at the foot of a page. */
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly bold?: boolean; readonly muted?: boolean }
  /** Label and value pairs (who, when, where). */
  | { readonly kind: 'fields'; readonly rows: readonly Field[] }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  /** A boxed statement that must stand out, such as the power of arrest. */
  | { readonly kind: 'callout'; readonly title: string; readonly text: string }
  /** Words recorded exactly as given: line breaks kept, lines numbered so they can be cited. */
  | { readonly kind: 'verbatim'; readonly text: string }
  /** Labelled lines left blank to be completed by hand on the printed copy. */
  | { readonly kind: 'completion'; readonly lines: readonly string[] }
  | {
      readonly kind: 'table';
      readonly columns: readonly Column[];
      readonly rows: readonly (readonly string[])[];
      readonly emptyText: string;
    };

export interface DocumentModel {
  readonly title: string;
  readonly subtitle?: string;
  /** Government Security Classification marking, printed at the top and foot of every page. */
  readonly marking: 'OFFICIAL' | 'OFFICIAL-SENSITIVE';
  /** How the document may be handled, printed under the title (e.g. never given to the applicant). */
  readonly handling?: string;
  /** PDF metadata: one line saying what the document is, without personal data. */
  readonly subject: string;
  readonly keywords: readonly string[];
  readonly blocks: readonly Block[];
}

/** Facts about this copy that every page carries. */
export interface RenderContext {
  readonly documentId: string;
  readonly forceName: string;
  readonly createdAt: Date;
}
