import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { localAccountId, localRegion } from './emulators.ts';
import {
  describeError,
  errorStack,
  type HandlerLoader,
  type LocalFunction,
  type LocalService,
  lambdaContext,
  localFunction,
} from './handlers.ts';

export interface ScheduleBinding {
  readonly fn: LocalFunction;
  readonly everyMinutes: number;
}

export const scheduleBindings = (services: readonly LocalService[]): ScheduleBinding[] =>
  services.flatMap((service) =>
    service.manifest.schedules.map((schedule) => ({
      fn: localFunction(service, schedule.handler),
      everyMinutes: schedule.everyMinutes,
    })),
  );

/** The event an EventBridge rate schedule delivers. */
export const scheduledEvent = (
  fn: LocalFunction,
  now: Date = new Date(),
): ScheduledEvent<Record<string, never>> => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: localAccountId,
  time: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  region: localRegion,
  resources: [`arn:aws:events:${localRegion}:${localAccountId}:rule/${fn.functionName}`],
  detail: {},
});

/** A schedule named by a test or a developer that no manifest declares. */
export class UnknownScheduleError extends Error {
  constructor(service: string, handler: string) {
    super(`No schedule runs ${service}/${handler}.`);
    this.name = 'UnknownScheduleError';
  }
}

export interface SchedulerOptions {
  readonly schedules: readonly ScheduleBinding[];
  readonly loadHandler: HandlerLoader;
  readonly log: (line: string) => void;
  /**
   * How much faster than real time the timers run (LOCAL_SCHEDULE_SCALE): 60 turns "every 15 minutes" into
   * every 15 seconds. 1 unless told.
   */
  readonly scale?: number;
  readonly timeoutMs?: number;
}

export interface Schedulers {
  /** Runs a schedule's handler once now and returns what it returned (a test's way to fire a schedule). */
  trigger(service: string, handler: string): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * A timer per schedule calling its handler with an EventBridge scheduled event. A run that is still going when
 * the next is due is not overlapped: locally one slow sweep should not pile up behind itself.
 */
export const startSchedulers = (options: SchedulerOptions): Schedulers => {
  const scale = options.scale && options.scale > 0 ? options.scale : 1;
  const running = new Set<Promise<unknown>>();

  const invoke = async (binding: ScheduleBinding): Promise<unknown> => {
    const handler = await options.loadHandler(binding.fn);
    return handler(
      scheduledEvent(binding.fn) as never,
      lambdaContext(binding.fn, options.timeoutMs ?? 5 * 60_000),
    );
  };

  const track = <T>(run: Promise<T>): Promise<T> => {
    running.add(run);
    run.then(
      () => running.delete(run),
      () => running.delete(run),
    );
    return run;
  };

  const timers = options.schedules.map((binding) => {
    let busy = false;
    return setInterval(
      () => {
        if (busy) {
          options.log(`[schedule] ${binding.fn.functionName} is still running; this run is skipped`);
          return;
        }
        busy = true;
        const started = performance.now();
        track(invoke(binding))
          .then(
            () =>
              options.log(
                `[schedule] ${binding.fn.functionName} ran in ${Math.round(performance.now() - started)} ms`,
              ),
            (error: unknown) => {
              options.log(`[schedule] ${binding.fn.functionName} failed: ${describeError(error)}`);
              const stack = errorStack(error);
              if (stack) options.log(stack);
            },
          )
          .finally(() => {
            busy = false;
          });
      },
      Math.max(10, (binding.everyMinutes * 60_000) / scale),
    );
  });

  return {
    trigger: (service, handler) => {
      const binding = options.schedules.find((s) => s.fn.service === service && s.fn.handler === handler);
      if (!binding) return Promise.reject(new UnknownScheduleError(service, handler));
      return track(invoke(binding));
    },
    stop: async () => {
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled([...running]);
    },
  };
};
