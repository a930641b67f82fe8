/**
 * The only module that touches ipcRenderer: exposes `window.wawp`, a narrow bridge of verbs (one per invoke
 * channel) and subscriptions that return their unsubscribe. Never the raw ipcRenderer, never a generic send.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { InvokeChannel, InvokeChannels, PushChannel, PushChannels } from '../common/ipc';
import type { WawpBridge } from './bridge-types';

function invoke<C extends InvokeChannel>(channel: C) {
  return (...args: Parameters<InvokeChannels[C]>): Promise<ReturnType<InvokeChannels[C]>> =>
    ipcRenderer.invoke(channel, ...args) as Promise<ReturnType<InvokeChannels[C]>>;
}

function subscribe<C extends PushChannel>(channel: C) {
  return (listener: (payload: PushChannels[C]) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError(`${channel}: listener must be a function`);
    // The event object is dropped: it carries `sender`, which must not reach the page.
    const wrapped = (_event: IpcRendererEvent, payload: PushChannels[C]): void => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  };
}

const bridge: WawpBridge = {
  listInstances: invoke('instances:list'),
  saveInstance: invoke('instances:save'),
  removeInstance: invoke('instances:remove'),
  testConnection: invoke('instances:test'),
  exportInstances: invoke('instances:export'),
  importInstances: invoke('instances:import'),
  keepNumber: invoke('instances:keep-number'),
  startLogin: invoke('login:start'),
  stopLogin: invoke('login:stop'),
  restartLogin: invoke('login:restart'),
  relinkLogin: invoke('login:relink'),
  requestPairingCode: invoke('login:pairing-code'),
  openRemoteLink: invoke('remote-link:open'),
  renewRemoteLink: invoke('remote-link:renew'),
  cancelRemoteLink: invoke('remote-link:cancel'),
  startDemo: invoke('demo:start'),
  scanDemo: invoke('demo:scan'),
  getSettings: invoke('settings:get'),
  setPreferences: invoke('settings:set'),
  chooseTokenStorage: invoke('settings:token-storage'),
  recheckKeychain: invoke('settings:keychain-check'),
  copyText: invoke('clipboard:write'),
  startBatch: invoke('batch:start'),
  controlBatch: invoke('batch:control'),
  getBatch: invoke('batch:get'),
  onLoginEvent: subscribe('login:event'),
  onRemoteLinkEvent: subscribe('remote-link:event'),
  onInstancesChanged: subscribe('instances:changed'),
  onNavigate: subscribe('navigate'),
  onDesktopBanner: subscribe('desktop:banner'),
  onKeychainChanged: subscribe('keychain:changed'),
  onBatchChanged: subscribe('batch:changed'),
};

contextBridge.exposeInMainWorld('wawp', bridge);
