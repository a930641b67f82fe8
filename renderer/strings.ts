/** Every user-facing string of the renderer, in one place (translation and review happen here). */
import type { DesktopNote, TokenLocation } from '../common/ipc';
import type { SessionStatus } from '../common/model';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Status words shown next to the colour of a badge (never colour alone). */
export const STATUS_WORDS: Record<SessionStatus | 'UNKNOWN', string> = {
  WORKING: 'Linked',
  SCAN_QR_CODE: 'Needs linking',
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

/** The steps on the phone shared by scanning and pairing (WhatsApp's own menu names, per platform). */
const PHONE_STEPS = {
  open: 'Open WhatsApp on your phone.',
  linkedDevices:
    'Android: tap ⋮ (More options), then Linked devices. iPhone: tap Settings, then Linked devices.',
  linkDevice: 'Tap Link a device.',
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
    login: 'Link',
    relink: 'Link again',
    resolve: 'Resolve',
    wrongNumber: 'Wrong number',
    wrongDetail: (linked: string, expected: string) => `${linked} is linked; ${expected} was expected`,
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
    idBadChars: 'Only letters A–Z and digits 0–9 (spaces and dashes are dropped).',
    idLength: (n: number) => `Needs exactly 12 characters (now ${n}).`,
    idRequired: 'Enter the instance id.',
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
    phone: 'Expected phone number (optional)',
    phoneHint: 'With country code. You are warned if a different number links.',
    phoneBad: 'Not a valid phone number. Include the country code, like +20 101 234 5678.',
    saveAdd: 'Add instance',
    checking: (host: string) => `Checking with ${host}…`,
    saving: 'Saving…',
    saved: (label: string) => `Saved “${label}”.`,
    saveAnyway: 'Save anyway',
    checkAgain: 'Check again',
    foundLinked: (label: string, who: string) => `Saved “${label}”: Wawp knows it, and ${who} is linked.`,
    foundStatus: (label: string, word: string) => `Saved “${label}”: Wawp knows it. Status: ${word}.`,
    savedUnchecked: (label: string) => `Saved “${label}” without checking it with the server.`,
    discardTitle: 'Discard your changes?',
    discardBody: 'The changes in this form are not saved yet.',
    discard: 'Discard',
    keepEditing: 'Keep editing',
  },
  login: {
    title: (label: string) => `Link “${label}”`,
    tabQr: 'Scan QR code',
    tabPairing: 'Use phone number instead',
    stepsTitle: 'On your phone',
    steps: [
      PHONE_STEPS.open,
      PHONE_STEPS.linkedDevices,
      PHONE_STEPS.linkDevice,
      'Point the phone at this screen.',
    ],
    qrAlt: (index: number | null, count: number) =>
      `QR code to link WhatsApp${index === null ? '' : `, code ${index} of about ${count}`}. Cannot scan it? Choose “Use phone number instead” to get a code to type on your phone.`,
    codeOf: (index: number | null, count: number) => (index === null ? '' : `Code ${index} of ~${count}`),
    expiresIn: (s: number) => `Expires in ${s} s`,
    newCode: (s: number) => `New code, expires in ${s} seconds`,
    gettingNew: 'Getting a new code…',
    waiting: 'Waiting for a code…',
    enlarge: 'Enlarge',
    shrink: 'Make smaller',
    enlargedTitle: 'QR code, enlarged',
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
    done: 'Done',
  },
  linked: {
    heading: (label: string) => `“${label}” is linked`,
    account: 'WhatsApp account',
    next: 'You can close this window. wawp-link keeps checking this number from the tray and tells you if it needs linking again.',
    wrongHeading: (label: string) => `“${label}” linked a different number`,
    linkedNumber: 'Linked',
    expectedNumber: 'Expected',
    wrongBody:
      'Log it out to link the expected number with a new code, or keep it as this instance’s number.',
    logOut: 'Log out this number',
    keep: 'Keep this number',
    kept: (who: string) => `${who} is now the expected number.`,
  },
  relink: {
    title: (label: string) => `Link “${label}” again?`,
    body: (who: string) =>
      `${who} is logged out of this instance first; then you scan a new code with the phone to link.`,
    confirm: 'Log out and link again',
  },
  problem: {
    editToken: 'Re-enter token',
    checkInstance: 'Check the instance id',
    newCode: 'Get a new code',
    editServer: 'Edit server',
    retryNow: 'Retry now',
    tryAgain: 'Try again',
    stop: 'Stop',
    details: 'Details',
    retrying: (s: number) => `Trying again in ${s} s`,
    retryingNow: 'Trying again…',
    fallbackTitle: 'That did not work',
    noTokenTitle: 'No access token is stored',
    noTokenSentence: 'Enter the access token from your Wawp dashboard to link this instance.',
  },
  pairing: {
    title: 'Link with a phone number',
    phone: 'Phone number of the WhatsApp account',
    phoneHint: 'With country code, e.g. +20 101 234 5678.',
    phoneBad: 'Not a valid phone number. Include the country code, like +20 101 234 5678.',
    /** The status line, by stage (a failed request shows its reason instead). */
    status: {
      before: 'Enter the phone number of the WhatsApp account to get a pairing code.',
      requesting: 'Getting a pairing code…',
      shown: 'Type the pairing code on your phone.',
      expired: 'The pairing code expired. Get a new code to try again.',
    },
    /** The request button, by stage. */
    button: {
      before: 'Get a code',
      requesting: 'Getting a code…',
      shown: 'Get another code',
      expired: 'Get a new code',
      failed: 'Get a code',
    },
    codeLabel: 'Your pairing code',
    expiredLabel: 'Expired pairing code',
    announceCode: (spelled: string) => `Your pairing code is ${spelled}.`,
    copy: 'Copy code',
    expiresIn: (s: number) => `Valid for about ${s} s`,
    steps: [
      PHONE_STEPS.open,
      PHONE_STEPS.linkedDevices,
      PHONE_STEPS.linkDevice,
      'Tap “Link with phone number instead”.',
      'Type the code shown here.',
    ],
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
    keychainRetry: 'Try again',
    offerTitle: 'The keychain cannot be used. Choose where to keep tokens:',
    offer: (where: TokenLocation) => `Use ${TOKEN_PLACES[where]}`,
    saved: 'Saved.',
  },
  desktop: {
    title: 'This computer',
    relink: 'Link again',
    dismiss: 'Dismiss',
    relinkBanner: (label: string) =>
      `${label} needs linking again. This system did not show the notification, so wawp-link tells you here and in the tray.`,
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
        'This system refused wawp-link’s notifications (macOS shows them only for signed apps). Reminders to link again appear in this window and in the tray instead.',
    } satisfies Record<DesktopNote, string>,
  },
  units: { seconds: (n: number) => plural(n, 'second', 'seconds') },
} as const;

/** Where a token lives, in words. */
export function tokenPlace(where: TokenLocation): string {
  return TOKEN_PLACES[where];
}
