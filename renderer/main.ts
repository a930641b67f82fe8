/** Renderer entry: the app shell (header, navigation, content) over the store and router. */
import { prepareAnnouncer } from './announcer';
import { button, h } from './dom';
import { createRouter, routeFor, type Route, type ViewFactory } from './router';
import { createStore } from './store';
import { t } from './strings';
import { batchView } from './views/batch';
import { instanceForm } from './views/instance-form';
import { instanceList } from './views/list';
import { loginView } from './views/login';
import { desktopBanners } from './views/desktop-banners';
import { settingsView } from './views/settings';

const views: ViewFactory = (route, context) => {
  switch (route.view) {
    case 'list':
      return instanceList(context, route.notice);
    case 'add':
      return instanceForm(context, null);
    case 'edit':
      return instanceForm(context, route.instanceId, route.focus);
    case 'login':
      return loginView(context, route.instanceId, route.mode ?? 'qr', route.relink ?? false);
    case 'settings':
      return settingsView(context);
    case 'batch':
      return batchView(context, route.start);
  }
};

function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const store = createStore();
  const content = h('div', { class: 'content', id: 'content' });
  const navInstances = button(t.nav.instances, () => router.go({ view: 'list' }), { class: 'nav-link' });
  const navSettings = button(t.nav.settings, () => router.go({ view: 'settings' }), { class: 'nav-link' });
  const header = h(
    'header',
    { class: 'app-header' },
    h('div', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), t.appName),
    h('nav', { 'aria-label': t.nav.main, class: 'nav' }, navInstances, navSettings),
  );
  const banners = desktopBanners((instanceId) => router.go({ view: 'login', instanceId, mode: 'qr' }));
  root.append(header, banners, content);
  prepareAnnouncer();
  const markNav = (route: Route): void => {
    const onSettings = route.view === 'settings';
    navInstances.toggleAttribute('aria-current', !onSettings);
    navSettings.toggleAttribute('aria-current', onSettings);
    if (!onSettings) navInstances.setAttribute('aria-current', 'page');
    else navSettings.setAttribute('aria-current', 'page');
  };
  const router = createRouter(content, store, views, markNav);
  store.onNavigate((target) => router.go(routeFor(target)));
  void store.connect().then(() => {
    if (!content.firstChild) router.go({ view: 'list' });
  });
}

start();
