/**
 * What to do when the OS keychain cannot be used from the CLI. On a Linux machine without a desktop
 * (SSH, a server, a container) GUI unlock tools do not exist, so the CLI gives a recipe for this shell.
 */

/** True on Linux with no graphical session: no display, so no unlock prompt can ever appear. */
export function isHeadlessLinux(
  env: Record<string, string | undefined>,
  platform = process.platform,
): boolean {
  return platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY;
}

/** The recipe: a D-Bus session and an unlocked gnome-keyring for this shell, or the token per command. */
export const HEADLESS_KEYCHAIN_RECIPE = `Without a desktop, start a keychain for this shell, then run the command again:
  eval "$(dbus-launch --sh-syntax)"
  printf '\\n' | gnome-keyring-daemon --unlock --components=secrets
(needs: sudo apt install dbus-x11 gnome-keyring). Or skip the keychain:
  WAWP_ACCESS_TOKEN=<token> wawp-link login <instance-id>`;

/** The store's own words plus the way on; on a headless Linux the recipe replaces GUI advice. */
export function keychainAdvice(env: Record<string, string | undefined>, storeMessage: string): string {
  if (isHeadlessLinux(env)) return `The keychain is not usable in this session.\n${HEADLESS_KEYCHAIN_RECIPE}`;
  return `${storeMessage}\nUntil the keychain works, pass the token in the WAWP_ACCESS_TOKEN environment variable.`;
}
