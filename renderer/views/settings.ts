/** Settings: preference toggles and where tokens live (keychain health, and the fallback choice when needed). */
import type { Preferences, SettingsView } from '../../common/ipc';
import { button, h, replace, type View } from '../dom';
import type { ViewContext } from '../router';
import { t } from '../strings';

type Toggle = 'launchAtLogin' | 'startHidden' | 'notifications';

function toggle(label: string, checked: boolean, change: (on: boolean) => Promise<boolean>): HTMLElement {
  const input = h('input', { type: 'checkbox', role: 'switch', class: 'switch', checked });
  input.addEventListener('change', () => {
    const wanted = input.checked;
    input.disabled = true;
    void change(wanted).then((ok) => {
      input.disabled = false;
      if (!ok) input.checked = !wanted;
    });
  });
  return h('label', { class: 'toggle' }, input, h('span', {}, label));
}

/** The settings view. */
export function settingsView(_context: ViewContext): View {
  const body = h('div', { class: 'settings-body' });
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const heading = h('h1', {}, t.settings.title);

  const save = async (patch: Partial<Preferences>): Promise<boolean> => {
    const result = await window.wawp.setPreferences(patch);
    status.textContent = result.ok ? t.settings.saved : result.reason;
    status.classList.toggle('bad', !result.ok);
    return result.ok;
  };

  const render = (view: SettingsView): void => {
    const prefs = view.preferences;
    const simple = (key: Toggle, label: string): HTMLElement =>
      toggle(label, prefs[key], (on) => save({ [key]: on }));
    const keychain = view.keychain;
    replace(
      body,
      h(
        'section',
        { class: 'card' },
        h('h2', {}, t.settings.prefsTitle),
        simple('launchAtLogin', t.settings.launchAtLogin),
        simple('startHidden', t.settings.startHidden),
        simple('notifications', t.settings.notifications),
        toggle(t.settings.shortcut(prefs.globalShortcut.accelerator), prefs.globalShortcut.enabled, (on) =>
          save({ globalShortcut: { ...prefs.globalShortcut, enabled: on } }),
        ),
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, t.settings.tokensTitle),
        h('p', {}, t.settings.tokensNow(view.tokenStorage)),
        h(
          'p',
          {
            class: `keychain keychain-${keychain.state === 'ok' || keychain.state === 'checking' ? keychain.state : 'bad'}`,
            'data-state': keychain.state,
            role: 'status',
          },
          keychain.state === 'ok' ? t.settings.keychainOk : keychain.message,
        ),
        keychain.state !== 'ok' &&
          keychain.state !== 'checking' &&
          button(t.settings.keychainRetry, async () => render(await window.wawp.recheckKeychain()), {
            class: 'btn',
          }),
        view.tokenStorageOffers.length > 0 && h('p', {}, t.settings.offerTitle),
        view.tokenStorageOffers.length > 0 &&
          h(
            'div',
            { class: 'actions' },
            ...view.tokenStorageOffers.map((where) =>
              button(
                t.settings.offer(where),
                async () => {
                  const result = await window.wawp.chooseTokenStorage(where);
                  if (result.ok) render(result.value);
                  else status.textContent = result.reason;
                },
                { class: 'btn' },
              ),
            ),
          ),
      ),
      status,
    );
  };

  void window.wawp.getSettings().then(render);
  // The keychain is checked in the background (and again on demand): show what it found when it changes.
  const stop = window.wawp.onKeychainChanged(() => void window.wawp.getSettings().then(render));
  return { element: h('section', { class: 'view narrow' }, heading, body), focus: heading, dispose: stop };
}
