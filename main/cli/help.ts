/** Help texts for `wawp-link --help` and `wawp-link <command> --help` (printed on stdout). */

export const MAIN_HELP = `wawp-link: link WhatsApp numbers to Wawp API instances from the terminal.

Usage:
  wawp-link <command> [options]

Commands:
  login <instance-id>          Show a QR code to scan with WhatsApp; waits until the number is linked
  pair <instance-id> --phone N Link with an 8-character pairing code instead of a QR code
  status [<instance-id>…]      Show the session status of instances (all configured ones by default)
  instances list|add|remove    Manage configured instances; tokens are kept in the OS keychain
  demo                         Try the whole flow against a built-in simulator (no account needed)

Options:
  -h, --help                   Show help (also: wawp-link <command> --help)
  -v, --version                Show the version

The access token comes from the WAWP_ACCESS_TOKEN environment variable, or from the keychain entry
saved by "wawp-link instances add". Exit codes: 0 linked, 2 usage error, 3 wrong token,
4 unknown instance, 5 gave up (timeout or codes used up), 1 anything else, 130 interrupted.
`;

const TOKEN_NOTE = `Token: WAWP_ACCESS_TOKEN, else the keychain entry for the instance and base URL
("wawp-link instances add <instance-id>" stores one). The token is never printed.`;

const EXIT_NOTE = `Exit codes: 0 linked; 2 usage error (including no token); 3 unauthorized (wrong token);
4 instance not found; 5 gave up (timeout, or codes used up after N restarts); 1 anything else;
130 interrupted (Ctrl-C).`;

export const LOGIN_HELP = `Usage: wawp-link login <instance-id> [options]

Shows the instance's QR code in the terminal and waits until WhatsApp links it. A new code is shown
before the old one expires (about 6 codes per cycle). Open WhatsApp on the phone → Linked devices →
Link a device, and scan the code.

Options:
  --base-url URL     Wawp API base URL (default: the instance's saved one, else https://api.wawp.net)
  --json             One JSON event per line on stdout (status, qr, qr-expired, connected, error, …)
  --timeout SECONDS  Give up (exit 5) when not linked within this time
  --restarts N       Restart the session for a new cycle of codes up to N times (default 0)
  --no-start         Do not start a STOPPED session (exit 1 instead)
  -h, --help         Show this help

${TOKEN_NOTE}
${EXIT_NOTE}
`;

export const PAIR_HELP = `Usage: wawp-link pair <instance-id> --phone <number> [options]

Requests an 8-character pairing code (shown as ABCD-1234) for the phone number and waits until the
number is linked. On the phone: WhatsApp → Linked devices → Link a device → Link with phone number.

Options:
  --phone NUMBER     The WhatsApp number to link, with country code (e.g. +20 101 234 5678)
  --base-url URL     Wawp API base URL (default: the instance's saved one, else https://api.wawp.net)
  --json             One JSON event per line on stdout (adds {"type":"pairing-code","code":"…"})
  --timeout SECONDS  Give up (exit 5) when not linked within this time
  --no-start         Do not start a STOPPED session (exit 1 instead)
  -h, --help         Show this help

${TOKEN_NOTE}
${EXIT_NOTE}
`;

export const STATUS_HELP = `Usage: wawp-link status [<instance-id>…] [options]

Shows each instance's session status and linked number. Without ids: every configured instance.

Options:
  --base-url URL     Wawp API base URL for the given ids (default: saved one, else https://api.wawp.net)
  --json             One JSON object per instance per line on stdout
  -h, --help         Show this help

${TOKEN_NOTE}
Exit code: 0 when every status was read, else the code of the first failure (3, 4 or 1).
`;

export const INSTANCES_HELP = `Usage:
  wawp-link instances list [--json]
  wawp-link instances add <instance-id> [--label TEXT] [--base-url URL] [--expected-phone NUMBER]
  wawp-link instances remove <instance-id> [--base-url URL]

add     Saves the instance (12-character id) and stores its access token in the OS keychain. The token
        is read without echo from the terminal, or from stdin when piped:
          printf '%s' "$TOKEN" | wawp-link instances add 3EB0BCB2E3D4 --label Sales
remove  Forgets the instance and deletes its token from the keychain.
list    Shows configured instances and whether a token is stored (never the token itself).

Settings live in the user config directory (override with WAWP_LINK_CONFIG_DIR).
`;

export const DEMO_HELP = `Usage: wawp-link demo [options]

Starts a built-in Wawp simulator on 127.0.0.1 and runs a login against it: QR codes, rotation, scan,
linked. Press any key to "scan" the code shown (Ctrl-C quits). Nothing leaves this computer.

Options:
  --auto-scan-after SECONDS  Scan by itself after this many seconds (for scripts, --json, no terminal;
                             also WAWP_DEMO_AUTO_SCAN_AFTER)
  --json                     One JSON event per line on stdout, as "login --json"
  --time-scale FACTOR        Speed up the simulator's clock (e.g. 0.1 = ten times faster)
  -h, --help                 Show this help
`;
