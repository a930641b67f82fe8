/** Every user-facing string of the renderer, in one place (translation and review happen here). */
import type { DesktopNote, TokenLocation } from '../common/ipc';
import type { SessionStatus } from '../common/model';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Status words shown next to the colour of a badge (never colour alone). */
export const STATUS_WORDS: Record<SessionStatus | 'UNKNOWN', string> = {
  WORKING: 'Linked',
  SCAN_QR_CODE: 'Needs login',
  STARTING: 'Starting',
  STOPPED: 'Stopped',
  FAILED: 'Codes used up',
  OTHER: 'Changing',
  UNKNOWN: 'Not checked yet',
};

const TOKEN_PLACES: Record<TokenLocation, string> = {
  keychain: 'your system keychain',
  'encrypted-file': 'an encrypted file on this computer',
  'session-memory': 'memory only, until the app quits',
};

/** All strings, grouped by screen. */
export const t = {
  appName: 'wawp-link',
  nav: { instances: 'Instances', settings: 'Settings', main: 'Main' },
  common: {
    back: 'Back',
    cancel: 'Cancel',
    save: 'Save',
    close: 'Close',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Could not copy. Select the text and copy it by hand.',
    unexpected: (what: string) => `Something went wrong: ${what}. Try again.`,
  },
  empty: {
    title: 'Link your first WhatsApp number',
    body: 'Add a Wawp instance with its id and access token, or try the whole flow first with a built-in demo — no account needed.',
    add: 'Add instance',
    demo: 'Try the demo',
    demoStarting: 'Starting the demo…',
  },
  list: {
    title: 'Instances',
    add: 'Add instance',
    login: 'Log in',
    relink: 'Re-link',
    edit: 'Edit',
    remove: 'Remove',
    demoTag: 'Demo',
    noToken: 'No token stored — edit to add one',
    linkedAs: (who: string) => `Linked as ${who}`,
    statusLabel: (word: string) => `Status: ${word}`,
    tryDemo: 'Try the demo',
  },
  remove: {
    title: (label: string) => `Remove “${label}”?`,
    body: 'The instance is removed from this app and its token is deleted from this computer. The WhatsApp session on Wawp is not touched.',
    confirm: 'Remove',
  },
  form: {
    addTitle: 'Add instance',
    editTitle: (label: string) => `Edit “${label}”`,
    label: 'Name',
    labelHint: 'Only shown in this app, e.g. “Sales line”.',
    labelPlaceholder: 'Sales line',
    id: 'Instance id',
    idHint: 'The 12-character id from your Wawp dashboard, e.g. 3EB0BCB2E3D4.',
    idCount: (n: number) => `${n} of 12 characters`,
    idBadChars: 'Only letters A–Z and digits 0–9.',
    idLength: (n: number) => `Needs exactly 12 characters (now ${n}).`,
    idOk: 'Looks right.',
    token: 'Access token',
    tokenHintNew:
      'Paste the access token from your Wawp dashboard. It is stored securely and never shown again.',
    tokenStored: (where: TokenLocation) =>
      `A token is stored in ${TOKEN_PLACES[where]}. Leave empty to keep it; type a new one to replace it.`,
    tokenMissing: 'No token is stored yet. Paste the access token from your Wawp dashboard.',
    tokenRequired: 'Enter the access token.',
    advanced: 'Advanced',
    baseUrl: 'API base URL',
    baseUrlHint: 'Change only for a self-hosted or test server.',
    baseUrlBad: 'Must be an https URL, like https://api.wawp.net',
    phone: 'Expected phone number (optional)',
    phoneHint: 'With country code. You are warned if a different number links.',
    phoneBad: 'Not a valid phone number. Include the country code, like +20 101 234 5678.',
    test: 'Test connection',
    testing: 'Testing…',
    testOk: (status: string) => `Connected. The session is: ${status}.`,
    saveAdd: 'Add instance',
    saving: 'Saving…',
    fixErrors: 'Fix the highlighted fields first.',
  },
  login: {
    title: (label: string) => `Link “${label}”`,
    tabQr: 'Scan QR code',
    tabPairing: 'Use phone number instead',
    stepsTitle: 'On your phone',
    steps: [
      'Open WhatsApp.',
      'Go to Settings (iPhone) or the ⋮ menu (Android).',
      'Tap Linked devices.',
      'Tap Link a device.',
      'Point the phone at this screen.',
    ],
    qrAlt: (index: number, count: number) =>
      `WhatsApp login QR code, code ${index} of about ${count}. Use “Copy code text” if you cannot scan it.`,
    codeOf: (index: number, count: number) => `Code ${index} of ~${count}`,
    expiresIn: (s: number) => `Expires in ${s} s`,
    gettingNew: 'Getting a new code…',
    waiting: 'Waiting for a code…',
    enlarge: 'Enlarge',
    shrink: 'Make smaller',
    copyText: 'Copy code text',
    simulateScan: 'Simulate scan',
    simulateHint: 'Demo mode: play the phone and scan the code on screen.',
    status: {
      idle: 'Not started.',
      starting: 'Starting the WhatsApp session…',
      stopped: 'The WhatsApp session is stopped. Starting it…',
      qr: 'Waiting for you to scan the code.',
      pairing: 'Waiting for you to type the pairing code on the phone.',
      scanned: 'Scanned. Finishing the link…',
      linked: 'Linked.',
      exhausted: 'All codes were used up.',
      loginStopped: 'The login was stopped.',
      other: (raw: string) => `The session is changing state (${raw})…`,
    },
    exhaustedTitle: 'The codes ran out',
    exhaustedBody: 'WhatsApp gives a handful of codes per try. Get a new set when you are ready to scan.',
    getNewCode: 'Get a new code',
    restarting: 'Getting a new code…',
    startAgain: 'Start',
    stoppedBody: 'The login is not running.',
    linkedTitle: 'Linked',
    linkedAs: (who: string) => `Linked as ${who}`,
    wrongNumber: (expected: string) =>
      `This is not the number you expected (${expected}). If this is wrong, log this device out on the phone and link the right number.`,
    done: 'Done',
  },
  errors: {
    unauthorizedTitle: 'The access token was refused',
    unauthorizedAction: 'Re-enter token',
    notFoundTitle: 'Wawp does not know this instance',
    notFoundAction: 'Check the instance id',
    noTokenAction: 'Enter token',
    retrying: (s: number) => `Retrying in ${s} s`,
    retryingNow: 'Retrying…',
    tryAgain: 'Try again',
    genericTitle: 'The login hit a problem',
  },
  pairing: {
    title: 'Link with a phone number',
    phone: 'Phone number of the WhatsApp account',
    phoneHint: 'With country code, e.g. +20 101 234 5678.',
    phoneBad: 'Not a valid phone number. Include the country code, like +20 101 234 5678.',
    request: 'Get pairing code',
    requesting: 'Requesting…',
    codeLabel: 'Your pairing code',
    copy: 'Copy code',
    expiresIn: (s: number) => `Valid for about ${s} s`,
    expired: 'This code has probably expired. Request a new one.',
    another: 'Get another code',
    steps: [
      'Open WhatsApp → Settings → Linked devices.',
      'Tap Link a device.',
      'Tap “Link with phone number instead”.',
      'Type the code shown here.',
    ],
    backToQr: 'Scan a QR code instead',
  },
  settings: {
    title: 'Settings',
    prefsTitle: 'Preferences',
    launchAtLogin: 'Open wawp-link when you log in',
    startHidden: 'Start hidden in the tray',
    notifications: 'Notify me when a number is no longer linked',
    shortcut: (acc: string) => `Global shortcut to show the window (${acc})`,
    tokensTitle: 'Where tokens live',
    tokensNow: (where: TokenLocation) => `New tokens are stored in ${TOKEN_PLACES[where]}.`,
    keychainOk: 'The system keychain works.',
    offerTitle: 'The keychain cannot be used. Choose where to keep tokens:',
    offer: (where: TokenLocation) => `Use ${TOKEN_PLACES[where]}`,
    saved: 'Saved.',
  },
  desktop: {
    title: 'This computer',
    relink: 'Re-link',
    dismiss: 'Dismiss',
    relinkBanner: (label: string) =>
      `${label} needs re-linking. This system did not show the notification, so wawp-link tells you here and in the tray.`,
    launchFromOs: 'Shows what your system will do at login; changing it here changes the system setting.',
    shortcutFailed: (reason: string) => `The global shortcut is not active: ${reason}`,
    notes: {
      'appimage-no-sandbox':
        'This AppImage runs without Chromium’s sandbox, because this system restricts user namespaces (Ubuntu 23.10 and later). Install the .deb package to run sandboxed.',
      'appimage-no-links':
        'wawp-link:// links and the desktop’s shortcut portal need an installed .desktop file, which an AppImage does not have. Install the .deb package to use them.',
      'no-tray-close-quits':
        'No tray is available on this desktop, so closing the window quits wawp-link. Start it again from your applications to bring it back.',
      'notifications-failed':
        'This system refused wawp-link’s notifications (macOS shows them only for signed apps). Re-link reminders appear in this window and in the tray instead.',
    } satisfies Record<DesktopNote, string>,
  },
  units: { seconds: (n: number) => plural(n, 'second', 'seconds') },
} as const;

/** Where a token lives, in words. */
export function tokenPlace(where: TokenLocation): string {
  return TOKEN_PLACES[where];
}
