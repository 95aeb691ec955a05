import { notFound, pageHandler, view } from '../../../shared/http/index.ts';
import { claresLawService } from '../composition-root.ts';
import { caseReaders } from '../manifest.ts';
import { casePageModel } from '../web/case-view-model.ts';
import { deniedAccessRecorder } from '../web/staff-web.ts';

/** The whole case: clocks, safe contact, every step recorded, the history and who has looked (audited). */
export const handler = pageHandler({
  policy: caseReaders,
  deniedAccess: deniedAccessRecorder(),
  handle: async ({ principal, params, now, correlationId }) => {
    const found = await claresLawService().viewCase(principal, params.id ?? '', { now, correlationId });
    if (!found) return notFound();
    return view('clares-law/case.njk', {
      model: casePageModel(found.dvdsCase, found.clocks, found.actions, found.accessLog),
      backHref: '/staff/clares-law',
    });
  },
});
