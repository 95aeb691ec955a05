import type { DocumentType, TemplateInput, templateInputs } from '../../../../shared/contracts/documents.ts';
import type { DocumentModel, RenderContext } from '../layout/model.ts';

/** One document type: its title, its input schema (in shared/contracts) and how its words are composed. */
export interface Template<Type extends DocumentType = DocumentType> {
  readonly type: Type;
  readonly title: string;
  readonly schema: (typeof templateInputs)[Type];
  compose(input: TemplateInput<Type>, context: RenderContext): DocumentModel;
}
