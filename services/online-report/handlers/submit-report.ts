import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { publicPageHandler, redirect } from '../../../shared/http/index.ts';
import { relayOutbox } from '../../../shared/messaging/outbox.ts';
import { storedKeysOf } from '../adapters/identity-hasher.ts';
import { identityHasher, journeySessions, rateLimiter, reportStore } from '../composition-root.ts';
import { checkAnswers } from '../domain/journey/engine.ts';
import { honeypotWeight, rateRules } from '../domain/rate-limit.ts';
import { referenceFrom } from '../domain/reference.ts';
import { prepareSubmission } from '../domain/submission.ts';
import {
  honeypotFilled,
  openJourney,
  pathOfStep,
  reportJourneyCookie,
  sourceAddress,
  validationContext,
} from '../web/journey-web.ts';
import { notSent, tooManyRequests } from '../web/public-views.ts';

const sessions = journeySessions();
const store = reportStore();
const hasher = identityHasher();
const limiter = rateLimiter();

/** A clash of two random references is rare; a few tries settle it. */
const referenceAttempts = 3;

const hashOf = (token: string): string => createHash('sha256').update(token).digest('base64url');

/**
 * Sends the report. The report, its identity keys and (for domestic abuse) its outbox message are written
 * in one transaction, so nothing is lost if a later step fails: the queue finishes the work. The form's
 * submission token makes a double click or a resent form one report. The answers leave the session at
 * once; only the reference stays, for the confirmation page to show to this browser for 15 minutes.
 */
export const handler = publicPageHandler({
  policy: 'public',
  handle: async (request) => {
    const open = await openJourney(request, sessions);
    if (open.status === 'sent') return redirect('/report/confirmation');
    if (open.status !== 'in-progress') return redirect('/report');
    const { id, state } = open;
    const form = request.form ?? {};
    if (honeypotFilled(form)) {
      await limiter.allow(sourceAddress(request), rateRules.submissions, request.now, honeypotWeight);
      return notSent();
    }
    const token = typeof form.submissionToken === 'string' ? form.submissionToken : '';
    if (!state.submissionToken || token !== state.submissionToken) {
      const earlier = token ? await store.findSubmission(hashOf(token)) : undefined;
      if (!earlier) return redirect('/report/check-your-answers');
      await sessions.markSent(id, earlier.reference, request.now);
      return redirect('/report/confirmation', { cookies: [reportJourneyCookie.sent(id)] });
    }
    if (!(await limiter.allow(sourceAddress(request), rateRules.submissions, request.now)))
      return tooManyRequests();

    const result = checkAnswers(state.answers, validationContext(request.now));
    if (result.kind === 'incomplete') return redirect(pathOfStep(result.resumeAt));
    if (result.kind === 'invalid') return redirect('/report/check-your-answers');

    let reference: string | undefined;
    for (let attempt = 0; attempt < referenceAttempts && !reference; attempt += 1) {
      const prepared = prepareSubmission(result.report, {
        reportId: randomUUID(),
        reference: referenceFrom(randomBytes(8)),
        messageId: randomUUID(),
        now: request.now,
        correlationId: request.correlationId,
      });
      const outcome = await store.submit({
        report: prepared.report,
        keys: storedKeysOf(hasher, prepared.identity),
        submissionTokenHash: hashOf(token),
        ...(prepared.message ? { message: prepared.message } : {}),
        now: request.now,
      });
      if (outcome.kind === 'stored') {
        await relayOutbox(outcome.outbox);
        reference = prepared.report.reference;
      } else if (outcome.kind === 'already-submitted') {
        reference = outcome.reference;
      }
    }
    if (!reference) throw new Error('No unused reference could be found');
    await sessions.markSent(id, reference, request.now);
    return redirect('/report/confirmation', { cookies: [reportJourneyCookie.sent(id)] });
  },
});
