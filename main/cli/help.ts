/** Help texts for `wawp-link --help` and `wawp-link <command> --help` (printed on stdout). */

export const MAIN_HELP = `wawp-link: link WhatsApp numbers to Wawp API instances from the terminal.

Usage:
  wawp-link <command> [options]

Commands:
  login <instance-id>         Show a QR code to scan; wait until linked
  pair <instance-id> --phone  Link with an 8-character pairing code instead
  link-url <instance-id>      A link for a phone elsewhere; wait until linked
  status [<instance-id>…]     Session status (all configured instances)
  instances list|add|remove   Manage instances; tokens go to the OS keychain
  demo                        Try it all on a built-in simulator (no account)

Options:
  -h, --help                  Show help (also: wawp-link <command> --help)
  -v, --version               Show the version

The access token comes from WAWP_ACCESS_TOKEN, or from the keychain entry that
"wawp-link instances add" saved. Try "wawp-link demo" first.
Exit codes: 0 linked, 2 usage error, 3 wrong token, 4 unknown instance,
5 gave up (timeout or codes used up), 6 linked to another number,
1 anything else, 130 interrupted.
`;

const TOKEN_NOTE = `Token: WAWP_ACCESS_TOKEN, else the keychain entry for the instance and base URL
(saved by "wawp-link instances add <instance-id>"). The token is never printed.`;

const EXIT_NOTE = `Exit codes: 0 linked (or already linked to that number); 2 usage error
(including no token); 3 wrong token; 4 instance not found; 5 gave up (timeout,
or codes used up after N restarts); 6 linked to another number (nothing
changed); 1 anything else (server not answering, not a Wawp API, …);
130 interrupted (Ctrl-C).`;

const LINK_FLAGS = `  --offline-limit SECONDS
                     Give up (exit 1) when the server has not answered at all
                     for this long: refused, timed out or not found (default
                     60; 0 keeps trying)
  --logout-first     If the instance is linked to another number, log that
                     number out first (without it: exit 6, nothing changed)
  --no-start         Leave a STOPPED session stopped (exit 1) instead of
                     starting it`;

const QR_NOTE = `The QR needs about 61×32 cells; a smaller terminal says so and offers "pair".
Colours: black on white. With NO_COLOR the code is drawn for the terminal's
background (asked of the terminal, or COLORFGBG); set WAWP_LINK_THEME=light or
dark if it guesses wrong.`;

const BASE_URL = `  --base-url URL     Wawp API base URL (default: WAWP_BASE_URL, else the saved
                     one, else https://api.wawp.net)`;

export const LOGIN_HELP = `Usage: wawp-link login <instance-id> [options]

Shows the instance's QR code in the terminal and waits until WhatsApp links
it. A new code replaces each one before it expires (about 6 per cycle).
On the phone: WhatsApp → Settings → Linked devices → Link a device → scan.

Options:
${BASE_URL}
  --json             One JSON event per line on stdout (status, qr, qr-expired,
                     connected, exhausted, error); nothing else on stdout
  --timeout SECONDS  Give up (exit 5) when not linked within this time
  --restarts N       When the codes run out, restart for a new cycle up to N
                     times (default 0)
${LINK_FLAGS}
  -h, --help         Show this help

${QR_NOTE}
${TOKEN_NOTE}
${EXIT_NOTE}
`;

export const PAIR_HELP = `Usage: wawp-link pair <instance-id> --phone <number> [options]

Requests an 8-character pairing code (shown as ABCD-1234) for the number and
waits until it is linked. On the phone: WhatsApp → Linked devices → Link a
device → Link with phone number instead, then type the code.

Options:
  --phone NUMBER     The WhatsApp number, with country code (+20 101 234 5678)
${BASE_URL}
  --json             One JSON event per line on stdout; the code comes as
                     {"type":"pairing-code","code":"ABCD-1234"}
  --timeout SECONDS  Give up (exit 5) when not linked within this time
${LINK_FLAGS}
  -h, --help         Show this help

${TOKEN_NOTE}
${EXIT_NOTE}
`;

export const STATUS_HELP = `Usage: wawp-link status [<instance-id>…] [options]

Shows each instance's session status and linked number (read only).
Without ids: every configured instance.

Options:
${BASE_URL}
  --json             One JSON object per instance per line on stdout
  -h, --help         Show this help

${TOKEN_NOTE}
Exit code: 0 when every status was read, else the first failure's (2, 3, 4, 1).
`;

export const INSTANCES_HELP = `Usage:
  wawp-link instances list [--json]
  wawp-link instances add <instance-id> [--label TEXT] [--base-url URL]
                          [--expected-phone NUMBER]
  wawp-link instances remove <instance-id> [--base-url URL]

add     Saves the instance (its 12-character id) and stores its access token
        in the OS keychain. The token is read without echo from the terminal,
        or from stdin when piped:
          printf '%s' "$TOKEN" | wawp-link instances add 3EB0BCB2E3D4
        On an existing instance, what you do not name is kept: its server,
        label, expected phone, and (press Enter, or pipe nothing) its token.
        --base-url moves it to another server (asks for that server's token).
remove  Forgets the instance and deletes its token from the keychain.
list    Shows the instances and whether a token is stored (never the token).

Settings live in the same folder as the desktop app's (override it with
WAWP_LINK_CONFIG_DIR).
`;

export const DEMO_HELP = `Usage: wawp-link demo [options]

Starts a built-in Wawp simulator on 127.0.0.1 and runs a login against it:
QR codes, rotation, scan, linked. Press any key to "scan" the code shown
(Ctrl-C quits). Nothing leaves this computer.

Options:
  --auto-scan-after SECONDS  The simulated phone scans by itself this long
                             after a code appears (for scripts and --json;
                             also WAWP_DEMO_AUTO_SCAN_AFTER; 5 s when no key
                             can be pressed)
  --json                     One JSON event per line on stdout, as in login
  --time-scale FACTOR        Simulator speed (default 0.5; 0.1 = faster)
  -h, --help                 Show this help
`;

export const LINK_URL_HELP = `Usage: wawp-link link-url <instance-id> [options]

For a phone that is not at hand: prints a Wawp link (https://app.wawp.net/
temp-qr/…, valid 30 minutes) to send to the phone's owner, then waits until
the number is linked. The owner opens the link on a computer or tablet and
scans its code with WhatsApp → Linked devices → Link a device. The link is
revoked once linked, on --timeout and on Ctrl-C, unless --keep. Anyone with
the link can link a phone until then: send it only to the owner.

The URL alone goes to stdout; everything else to stderr.

Options:
${BASE_URL}
  --json             One JSON event per line on stdout: link (url, expiresAt
                     in ms, expires as ISO text, reused, replaced), then status,
                     linked, revoked, link-expired, error
  --new              Make a new link even if one is live (the old one stops
                     working)
  --keep             Do not revoke the link when done or interrupted
  --timeout SECONDS  Give up (exit 5) when not linked within this time
  -h, --help         Show this help

${TOKEN_NOTE}
Exit codes: 0 linked; 2 usage error (including no token); 3 wrong token;
4 instance not found; 5 gave up (the link expired, or --timeout);
1 anything else; 130 interrupted (Ctrl-C).
`;
