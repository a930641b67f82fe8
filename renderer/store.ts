/** The renderer's state: instances and one login state per instance, fed by the bridge's pushes. */
import type { InstanceView, NavigateTarget } from '../common/ipc';
import type { LoginEvent } from '../common/model';
import type { ShownError } from './problem';
import { INITIAL_LOGIN_STATE, reduceLogin, restartingState, type LoginViewState } from './login-state';

type Listener = () => void;

/** Observable app state; views subscribe and re-read what they need. */
export interface Store {
  instances(): InstanceView[];
  instance(id: string): InstanceView | undefined;
  login(id: string): LoginViewState;
  /** Marks a login as starting over (before calling start/restart). */
  resetLogin(id: string): void;
  /** Shows a failure the login could not even start with (no token, unknown instance…) as a fatal error. */
  failLogin(id: string, error: ShownError): void;
  setInstances(list: InstanceView[]): void;
  subscribe(listener: Listener): () => void;
  onNavigate(listener: (target: NavigateTarget) => void): () => void;
  /** Loads the list and subscribes to pushes; call once. */
  connect(): Promise<void>;
}

/** Creates the store over `window.wawp`. */
export function createStore(): Store {
  let instances: InstanceView[] = [];
  const logins = new Map<string, LoginViewState>();
  const listeners = new Set<Listener>();
  const navigators = new Set<(target: NavigateTarget) => void>();
  const notify = (): void => {
    for (const listener of [...listeners]) listener();
  };
  const apply = (id: string, event: LoginEvent): void => {
    logins.set(id, reduceLogin(logins.get(id) ?? INITIAL_LOGIN_STATE, event, Date.now()));
    notify();
  };

  return {
    instances: () => instances,
    instance: (id) => instances.find((item) => item.id === id),
    login: (id) => logins.get(id) ?? INITIAL_LOGIN_STATE,
    resetLogin(id) {
      logins.set(id, restartingState(logins.get(id) ?? INITIAL_LOGIN_STATE));
      notify();
    },
    failLogin(id, { code, ...rest }) {
      const state = reduceLogin(
        this.login(id),
        { type: 'error', code: 'bad_request', ...rest, fatal: true },
        Date.now(),
      );
      logins.set(id, { ...state, error: state.error && { ...state.error, code } });
      notify();
    },
    setInstances(list) {
      instances = list;
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onNavigate(listener) {
      navigators.add(listener);
      return () => navigators.delete(listener);
    },
    async connect() {
      window.wawp.onLoginEvent(({ instanceId, event }) => apply(instanceId, event));
      window.wawp.onInstancesChanged((list) => this.setInstances(list));
      window.wawp.onNavigate((target) => {
        for (const listener of [...navigators]) listener(target);
      });
      this.setInstances(await window.wawp.listInstances());
    },
  };
}
