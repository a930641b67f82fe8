/**
 * The shape of `window.wawp`, the narrow bridge the preload exposes: one verb per intent, subscriptions
 * return their unsubscribe. Derived from common/ipc.ts so a channel's types live in one place.
 * Type-only: the renderer imports this file, never the preload itself.
 */
import type { InvokeChannels, PushChannels } from '../common/ipc';

type Invoke<C extends keyof InvokeChannels> = (
  ...args: Parameters<InvokeChannels[C]>
) => Promise<ReturnType<InvokeChannels[C]>>;
type Subscribe<C extends keyof PushChannels> = (listener: (payload: PushChannels[C]) => void) => () => void;

export interface WawpBridge {
  listInstances: Invoke<'instances:list'>;
  saveInstance: Invoke<'instances:save'>;
  removeInstance: Invoke<'instances:remove'>;
  testConnection: Invoke<'instances:test'>;
  exportInstances: Invoke<'instances:export'>;
  importInstances: Invoke<'instances:import'>;
  keepNumber: Invoke<'instances:keep-number'>;
  startLogin: Invoke<'login:start'>;
  stopLogin: Invoke<'login:stop'>;
  restartLogin: Invoke<'login:restart'>;
  relinkLogin: Invoke<'login:relink'>;
  requestPairingCode: Invoke<'login:pairing-code'>;
  openRemoteLink: Invoke<'remote-link:open'>;
  renewRemoteLink: Invoke<'remote-link:renew'>;
  cancelRemoteLink: Invoke<'remote-link:cancel'>;
  startDemo: Invoke<'demo:start'>;
  scanDemo: Invoke<'demo:scan'>;
  getSettings: Invoke<'settings:get'>;
  setPreferences: Invoke<'settings:set'>;
  chooseTokenStorage: Invoke<'settings:token-storage'>;
  recheckKeychain: Invoke<'settings:keychain-check'>;
  copyText: Invoke<'clipboard:write'>;
  startBatch: Invoke<'batch:start'>;
  controlBatch: Invoke<'batch:control'>;
  getBatch: Invoke<'batch:get'>;
  onLoginEvent: Subscribe<'login:event'>;
  onRemoteLinkEvent: Subscribe<'remote-link:event'>;
  onInstancesChanged: Subscribe<'instances:changed'>;
  onNavigate: Subscribe<'navigate'>;
  onDesktopBanner: Subscribe<'desktop:banner'>;
  onKeychainChanged: Subscribe<'keychain:changed'>;
  onBatchChanged: Subscribe<'batch:changed'>;
}

declare global {
  interface Window {
    wawp: WawpBridge;
  }
}
