import { describe, expect, it } from 'vitest';
import { failedMessageIds } from '../../../infra/local/queue-poller.ts';

const batch = ['m-1', 'm-2', 'm-3'];

describe('Local runtime: reading a consumer’s answer as Lambda does (ReportBatchItemFailures)', () => {
  it('retries only the messages the response names', () => {
    const failed = failedMessageIds(
      { threw: false, result: { batchItemFailures: [{ itemIdentifier: 'm-2' }] } },
      batch,
    );

    expect([...failed]).toEqual(['m-2']);
  });

  it('treats no response at all as every message done', () => {
    expect(failedMessageIds({ threw: false, result: undefined }, batch).size).toBe(0);
  });

  it('retries the whole batch when the handler throws', () => {
    expect([...failedMessageIds({ threw: true }, batch)]).toEqual(batch);
  });

  it('retries the whole batch when the response names a message that was not in it', () => {
    const failed = failedMessageIds(
      { threw: false, result: { batchItemFailures: [{ itemIdentifier: 'not-in-batch' }] } },
      batch,
    );

    expect([...failed]).toEqual(batch);
  });

  it('retries the whole batch when the response is malformed (an empty identifier)', () => {
    const failed = failedMessageIds(
      { threw: false, result: { batchItemFailures: [{ itemIdentifier: '' }] } },
      batch,
    );

    expect([...failed]).toEqual(batch);
  });
});
