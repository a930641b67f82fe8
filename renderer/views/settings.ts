/** Settings: preference toggles and where tokens live (keychain health, and the fallback choice when needed). */
import type { Preferences, SettingsView } from '../../common/ipc';
import { button, h, replace, type View } from '../dom';
import type { ViewContext } from '../router';
import { platformOf, shortcutLabel } from '../shortcut-label';
import { t } from '../strings';

type Toggle = 'launchAtLogin' | 'startHidden' | 'notifications';

function toggle(
  label: string | Node,
  checked: boolean,
  change: (on: boolean) => Promise<boolean>,
): HTMLElement {
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

/** "Global shortcut … ⇧⌘L" as this platform writes it; screen readers get the keys' names instead of symbols. */
function shortcutText(accelerator: string): HTMLElement {
  const { text, spoken } = shortcutLabel(accelerator, platformOf(navigator));
  return h(
    'span',
    {},
    `${t.settings.shortcut} `,
    h('kbd', { class: 'shortcut', 'aria-hidden': 'true' }, text),
    h('span', { class: 'sr-only' }, `(${spoken})`),
  );
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
        view.desktop?.launchAtLogin != null && h('p', { class: 'hint' }, t.desktop.launchFromOs),
        simple('startHidden', t.settings.startHidden),
        simple('notifications', t.settings.notifications),
        toggle(shortcutText(prefs.globalShortcut.accelerator), prefs.globalShortcut.enabled, (on) =>
          save({ globalShortcut: { ...prefs.globalShortcut, enabled: on } }).then((ok) => {
            void window.wawp.getSettings().then(render); // show whether the OS took the shortcut
            return ok;
          }),
        ),
        view.desktop?.shortcut.state === 'failed' &&
          h(
            'p',
            { class: 'form-error', role: 'alert' },
            t.desktop.shortcutFailed(view.desktop.shortcut.reason ?? ''),
          ),
      ),
      view.desktop &&
        view.desktop.notes.length > 0 &&
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'desktop-notes-title' },
          h('h2', { id: 'desktop-notes-title' }, t.desktop.title),
          ...view.desktop.notes.map((note) => h('p', { 'data-note': note }, t.desktop.notes[note])),
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
          button(t.settings.keychainRetry, () => recheck(), {
            class: 'btn',
            'data-action': 'keychain-retry',
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

  /** Re-checks the keychain and keeps the focus on Try again (or, once it works, on what it now says). */
  const recheck = async (): Promise<void> => {
    render(await window.wawp.recheckKeychain());
    const again = body.querySelector<HTMLElement>('[data-action="keychain-retry"]');
    const line = body.querySelector<HTMLElement>('.keychain');
    if (line) line.tabIndex = -1;
    (again ?? line)?.focus();
  };

  void window.wawp.getSettings().then(render);
  // The keychain is checked in the background (and again on demand): show what it found when it changes.
  const stop = window.wawp.onKeychainChanged(() => void window.wawp.getSettings().then(render));
  return { element: h('section', { class: 'view narrow' }, heading, body), focus: heading, dispose: stop };
}
