import { anyStaff } from '../../../shared/auth/policy.ts';
import { view } from '../../../shared/http/index.ts';
import { verificationDependencies } from '../adapters/composition.ts';
import { verifyPdf, verifyReference } from '../domain/verification/verify-document.ts';
import { uploadPageHandler } from '../http-stacks.ts';
import { referenceView, reportView } from '../verify-page.ts';

/** Largest PDF accepted: well above any notice, and inside what API Gateway and Lambda carry once encoded. */
export const maxUploadBytes = 4 * 1024 * 1024;

const dependencies = verificationDependencies();
dependencies.catch(() => undefined);

const problem = (field: 'document' | 'reference', text: string, values: Record<string, string>) =>
  view(
    'documents/verify.njk',
    { errorList: [{ text, href: `#${field}` }], errors: { [field]: { text } }, values },
    { status: 400 },
  );

/**
 * Checks an uploaded PDF (signature, whole file covered, signed by the force, identical to the copy on
 * record, not revoked) or a typed reference, and explains each answer.
 */
export const handler = uploadPageHandler({
  policy: anyStaff,
  fileField: 'document',
  maxFileBytes: maxUploadBytes,
  handle: async ({ form, file }) => {
    const typed = typeof form.reference === 'string' ? form.reference.trim() : '';
    if (file) {
      const report = await verifyPdf(file.content, await dependencies);
      return view('documents/verify.njk', {
        report: reportView(report),
        filename: file.filename.slice(0, 120),
        values: {},
        errors: {},
      });
    }
    if (typed === '') return problem('document', 'Choose a PDF to check, or enter its reference', {});
    const check = await verifyReference(typed, await dependencies);
    const reference = referenceView(check);
    if (!reference) {
      return problem('reference', 'Enter the reference as it is printed, like DOC-7K3M-9QXP-2H4W-AB12', {
        reference: typed.slice(0, 40),
      });
    }
    return view('documents/verify.njk', { reference, values: {}, errors: {} });
  },
});
