import type { AudienceSelector } from './audience.ts';
import type { Acknowledgement, Notification, ReadMarker } from './notification.ts';

/** Storage of notifications and read markers, as the inbox needs it. */
export interface NotificationRepository {
  /** Stores the notification unless one with its id exists (a redelivered message): then `duplicate`. */
  add(notification: Notification): Promise<'stored' | 'duplicate'>;
  find(id: string): Promise<Notification | undefined>;
  /** The newest `limitPerAudience` notifications of each audience. */
  listFor(audiences: readonly AudienceSelector[], limitPerAudience: number): Promise<Notification[]>;
  /** The reader's read markers among the given notifications. */
  readMarkers(readBy: string, notificationIds: readonly string[]): Promise<ReadMarker[]>;
  /** Writes the marker unless the reader already has one for that notification. */
  saveReadMarker(marker: ReadMarker): Promise<void>;
  /** Records the acknowledgement unless someone acknowledged first; `already` then. */
  saveAcknowledgement(acknowledgement: Acknowledgement): Promise<'acknowledged' | 'already'>;
}
