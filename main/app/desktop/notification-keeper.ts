/**
 * Keeps a reference to each instance's "Link again" notification for as long as a click on it can still
 * arrive: on Windows a toast that times out emits `close` (reason `timedOut`) and moves to Action Center,
 * where it can be clicked much later — dropping it then would lose its handlers. A notification is let go
 * when clicked, dismissed by the user, replaced by a newer one, or when its instance is linked again (then
 * it is also closed, so a stale "needs linking again" toast leaves Action Center). No electron import.
 */

/** The slice of Electron's Notification the keeper needs. */
export interface Closable {
  close(): void;
}

export interface NotificationKeeper<N extends Closable> {
  /** Keeps `note` for `id`, closing the one it replaces. */
  keep(id: string, note: N): void;
  /** `close` fired for `note`: let it go unless it went on living in Action Center (Windows timeout). */
  closed(id: string, note: N, reason: string | undefined): void;
  /** The user acted on it: let it go and return it (null when none was kept). */
  take(id: string): N | null;
  /** The instance no longer needs linking again (or was removed): close and drop its notification. */
  resolve(id: string): void;
  /** The instance ids whose notification is kept (diagnostics and tests). */
  ids(): string[];
}

/** `platform` decides what a timeout means (Action Center exists on Windows only). */
export function createNotificationKeeper<N extends Closable>(
  platform: NodeJS.Platform,
): NotificationKeeper<N> {
  const kept = new Map<string, N>();
  return {
    keep(id, note) {
      const previous = kept.get(id);
      kept.set(id, note);
      if (previous && previous !== note) previous.close();
    },
    closed(id, note, reason) {
      if (kept.get(id) !== note) return;
      if (platform === 'win32' && reason === 'timedOut') return; // now in Action Center: still clickable
      kept.delete(id);
    },
    take(id) {
      const note = kept.get(id) ?? null;
      kept.delete(id);
      return note;
    },
    resolve(id) {
      const note = kept.get(id);
      kept.delete(id);
      note?.close();
    },
    ids: () => [...kept.keys()],
  };
}
