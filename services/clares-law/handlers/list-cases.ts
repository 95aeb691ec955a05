import { englandAndWalesBankHolidays } from '../../../shared/calendar/holidays.ts';
import { pageHandler, redirect, view } from '../../../shared/http/index.ts';
import { claresLawService } from '../composition-root.ts';
import { isCaseReference } from '../domain/reference.ts';
import { caseReaders } from '../manifest.ts';
import { caseHref, caseListRow } from '../web/case-view-model.ts';
import { deniedAccessRecorder } from '../web/staff-web.ts';

const holidays = englandAndWalesBankHolidays();

/**
 * The unit's open cases, soonest clock first, 50 to a page: a Query on the `byNextDue` index, never a
 * scan. A reference typed in the search box opens that case, closed ones included.
 */
export const handler = pageHandler({
  policy: caseReaders,
  deniedAccess: deniedAccessRecorder(),
  handle: async ({ principal, query, now, correlationId }) => {
    const service = claresLawService();
    const context = { now, correlationId };
    const reference = query.reference?.trim().toUpperCase();
    let errors: Record<string, { text: string }> | undefined;
    if (reference) {
      const found = isCaseReference(reference)
        ? await service.findByReference(principal, reference, context)
        : undefined;
      if (found) return redirect(caseHref(found.id));
      errors = {
        reference: {
          text: isCaseReference(reference)
            ? 'There is no case with that reference'
            : 'Enter a reference in the correct format, like DVDS-7K3M-Q9TX',
        },
      };
    }
    const page = await service.listOpen(principal, query.after, context);
    return view(
      'clares-law/case-list.njk',
      {
        rows: page.cases.map((dvdsCase) => caseListRow(dvdsCase, holidays, now)),
        nextHref: page.next ? `/staff/clares-law?after=${encodeURIComponent(page.next)}` : undefined,
        reference: query.reference ?? '',
        ...(errors
          ? { errors, errorList: [{ text: errors.reference?.text ?? '', href: '#reference' }] }
          : {}),
      },
      { status: errors ? 400 : 200 },
    );
  },
});
