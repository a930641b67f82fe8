/**
 * Windows toasts that keep working after they time out into Action Center. A toast there outlives its
 * `Notification` object (and even the app), so everything a later click needs travels inside the toast:
 * the body's `launch` and the button's `arguments` carry the `wawp-link://login/<id>` link, and
 * `Notification.handleActivation` hands that string back, however the toast was activated (cold start
 * included). Pure: XML text and parsing only, no electron.
 * https://www.electronjs.org/docs/latest/api/notification#notificationhandleactivationcallback-windows
 */
import type { NavigateTarget } from '../../../common/ipc';
import { APP_ID, parseDeepLink, PROTOCOL } from './deep-link';

/** Escapes text for XML content and attribute values. */
export function xmlEscape(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`,
  );
}

/** The link a "Link again" toast carries for an instance (already validated ids only). */
export function relinkLink(instanceId: string): string {
  return `${PROTOCOL}://login/${instanceId}`;
}

/** The toast XML for a "Link again" notification (ToastGeneric: title, body, one button). */
export function relinkToastXml(options: {
  title: string;
  body: string;
  button: string;
  link: string;
}): string {
  const link = xmlEscape(options.link);
  return [
    `<toast launch="${link}" activationType="foreground">`,
    '<visual><binding template="ToastGeneric">',
    `<text>${xmlEscape(options.title)}</text>`,
    `<text>${xmlEscape(options.body)}</text>`,
    '</binding></visual>',
    '<actions>',
    `<action content="${xmlEscape(options.button)}" arguments="${link}" activationType="foreground"/>`,
    '</actions>',
    '</toast>',
  ].join('');
}

/** The view an activation asks for: the link from `launch`/`arguments`, strictly parsed; null otherwise. */
export function activationTarget(args: string): NavigateTarget | null {
  const parsed = parseDeepLink(args.trim());
  return parsed.ok ? parsed.value : null;
}

/**
 * The AppUserModelID toasts are sent under. Installed builds use the appId, which electron-builder's NSIS
 * shortcut carries. A development run (electron.exe) uses its own id, so it never claims the installed
 * app's identity; Electron 42+ then creates the Start-menu shortcut with that id and the toast activator
 * CLSID by itself for unpackaged runs, which is what makes toasts appear in dev runs too.
 */
export function appUserModelId(packaged: boolean): string {
  return packaged ? APP_ID : `${APP_ID}.dev`;
}
