/** Which screen shows, and the context every view gets. */
import type { BatchSelection } from '../common/batch';
import type { NavigateTarget } from '../common/ipc';
import { replace, type View } from './dom';
import type { Store } from './store';

export type Route =
  /** `notice`: one line saying what just happened (e.g. what saving found). */
  | { view: 'list'; notice?: string }
  | { view: 'add' }
  | { view: 'edit'; instanceId: string; focus?: 'token' | 'id' | 'baseUrl' }
  /** `relink`: log the linked number out first, then show a new code. */
  | { view: 'login'; instanceId: string; mode?: 'qr' | 'pairing' | 'remote'; relink?: boolean }
  | { view: 'settings' }
  /** Batch linking: `start` begins a new batch; without it the running one shows (or all that need linking). */
  | { view: 'batch'; start?: BatchSelection };

/** What a view may use: the store and navigation. */
export interface ViewContext {
  store: Store;
  go(route: Route): void;
}

export type ViewFactory = (route: Route, context: ViewContext) => View;

/** Maps a `navigate` push from main to a route. */
export function routeFor(target: NavigateTarget): Route {
  if (target.view === 'login') return { view: 'login', instanceId: target.instanceId, mode: 'qr' };
  if (target.view === 'pairing') return { view: 'login', instanceId: target.instanceId, mode: 'pairing' };
  if (target.view === 'remote-link') return { view: 'login', instanceId: target.instanceId, mode: 'remote' };
  return target;
}

/** Mounts one view at a time into `container`, disposing the previous one and moving focus to the new one. */
export function createRouter(
  container: HTMLElement,
  store: Store,
  factory: ViewFactory,
  onChange: (route: Route) => void,
): ViewContext {
  let current: View | null = null;
  const context: ViewContext = {
    store,
    go(route) {
      current?.dispose?.();
      current = factory(route, context);
      replace(container, current.element);
      onChange(route);
      const target = current.focus ?? current.element.querySelector<HTMLElement>('h1, h2');
      if (target) {
        if (!target.hasAttribute('tabindex') && !/^(INPUT|BUTTON|SELECT|TEXTAREA)$/.test(target.tagName))
          target.setAttribute('tabindex', '-1');
        target.focus();
      }
    },
  };
  return context;
}
