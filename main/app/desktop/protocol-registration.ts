/**
 * When the app registers `wawp-link://` with the OS itself, as a pure decision. Installers declare the
 * scheme (macOS Info.plist, the Linux .desktop MimeType, the NSIS include build/installer.nsh on Windows),
 * so a packaged app registers at run time only when the OS says the scheme is not ours — e.g. a portable
 * copy, or a user who removed the key — and never overwrites what an installer wrote on every start.
 * A development run (`electron .`) always registers, with the app path as an argument.
 */

export interface ProtocolState {
  platform: NodeJS.Platform;
  /** process.defaultApp: running as `electron <app path>`. */
  defaultApp: boolean;
  /** app.isDefaultProtocolClient(...) for the same executable and arguments. */
  isDefault: boolean;
  /** process.env.APPIMAGE: an AppImage has no installed .desktop file unless the user integrated it. */
  appImage?: string;
}

export type ProtocolDecision = { register: true; why: string } | { register: false; why: string };

/** Whether to call app.setAsDefaultProtocolClient now, and why (logged). */
export function protocolDecision(state: ProtocolState): ProtocolDecision {
  if (state.isDefault) return { register: false, why: 'already registered for this app' };
  if (state.platform === 'darwin' && !state.defaultApp) {
    return { register: false, why: 'the app bundle declares it (Info.plist); Launch Services picks it up' };
  }
  if (state.platform === 'linux' && state.appImage) {
    // xdg-settings needs an installed .desktop file naming the scheme; an AppImage has none of its own.
    return { register: false, why: 'an AppImage has no installed .desktop file; links need the deb' };
  }
  return { register: true, why: 'the OS does not open wawp-link:// links with this app' };
}
