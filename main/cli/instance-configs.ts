/** The CLI's view of configured instances (backed by the app's settings store; see settings-adapter.ts). */

/** One configured instance as the CLI shows and edits it. */
export interface InstanceConfig {
  instanceId: string;
  baseUrl: string;
  label: string | null;
  /** Digits only with country code, or null. */
  expectedPhone: string | null;
}

export interface InstanceConfigs {
  list(): InstanceConfig[];
  /** The entry for `instanceId` (on `baseUrl` when given, else the first with that id). */
  find(instanceId: string, baseUrl?: string): InstanceConfig | null;
  /** Adds or replaces the entry with this id (one entry per id; the label defaults to the id). */
  upsert(entry: InstanceConfig): void;
  /** Removes the entry; false when there was none. */
  remove(instanceId: string, baseUrl: string): boolean;
  /** Where the settings file lives (shown by `instances list`). */
  readonly path: string;
}
