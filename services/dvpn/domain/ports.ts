import type { AnyEnvelope } from '../../../shared/contracts/envelope.ts';
import type { FigureEvent, Month } from './figures.ts';
import type { CaseStatus, DvpnCase } from './model.ts';

/** A message to send once the change that causes it is stored (written to the outbox in the same write). */
export interface OutgoingMessage {
  readonly queue: string;
  readonly message: AnyEnvelope;
}

/** A change ready to store: the case after it, the countable facts, the messages it causes. */
export interface CaseWrite {
  readonly next: DvpnCase;
  /** The version the case had when read; the write fails if another change landed first. Null to create. */
  readonly expectedVersion: number | null;
  readonly figures: readonly FigureEvent[];
  readonly messages: readonly OutgoingMessage[];
}

/** The small record lists and the dashboard read, without the case's personal details. */
export interface CaseSummary {
  readonly id: string;
  readonly reference: string;
  readonly status: CaseStatus;
  readonly packId: DvpnCase['pack']['id'];
  readonly unit: string;
  readonly draftedBy: { readonly collarNumber: string; readonly displayName: string };
  readonly draftedAt: string;
  readonly submittedAt?: string;
  readonly authorisedAt?: string;
  readonly servedAt?: string;
  readonly hearingDueBy?: string;
  readonly adjournedTo?: string;
  readonly orderExpiresAt?: string | null;
  readonly noticeStatus?: 'pending' | 'ready' | 'failed';
  readonly applicationPrepared: boolean;
  readonly warningsSent: readonly string[];
  readonly updatedAt: string;
}

export interface ListOptions {
  /** Only summaries whose sort instant (hearing due, submitted ...) is at or before this. */
  readonly sortAtOrBefore?: string;
  /** Only summaries whose sort instant is at or after this (orders not yet expired). */
  readonly sortAtOrAfter?: string;
  readonly limit?: number;
  /** Only summaries of cases drafted in this unit. */
  readonly unit?: string;
}

export interface CaseRepository {
  get(id: string): Promise<DvpnCase | null>;
  /** Stores the change, its figures and its outbox messages in one conditional write; returns the messages written. */
  write(change: CaseWrite): Promise<void>;
  /** Summaries in one status, in order of their sort instant (the court deadline for served notices). */
  listByStatus(status: CaseStatus, options?: ListOptions): Promise<CaseSummary[]>;
  /** How many summaries `listByStatus` would give without a limit. */
  countByStatus(status: CaseStatus, options?: Omit<ListOptions, 'limit'>): Promise<number>;
  figureEvents(month: Month): Promise<FigureEvent[]>;
}

/** Sends what a stored change put in the outbox; failures stay in the outbox for the sweep. */
export interface MessageRelay {
  relay(change: CaseWrite): Promise<void>;
}
