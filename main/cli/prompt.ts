/** Reads a secret: without echo from a terminal, or all of stdin when piped. Never echoes or logs it. */
import { CliError, EXIT } from './exit-codes';

/** Reads everything piped on stdin and trims surrounding whitespace/newlines. */
async function readPiped(stdin: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').trim();
}

/** Reads one line in raw mode, echoing nothing; Ctrl-C rejects with exit 130. */
function readHidden(
  stdin: NodeJS.ReadStream,
  writePrompt: (s: string) => void,
  prompt: string,
): Promise<string> {
  writePrompt(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (result: () => void): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      writePrompt('\n');
      result();
    };
    const onData = (data: Buffer): void => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish(() => resolve(value.trim()));
        if (ch === '\u0003') return finish(() => reject(new CliError('Cancelled.', EXIT.interrupted)));
        if (ch === '\u0004' && value === '') return finish(() => resolve(''));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** Asks for a token: hidden typing on a TTY (prompt on stderr), else the piped stdin. */
export async function readSecret(
  stdin: NodeJS.ReadStream,
  stdinIsTTY: boolean,
  writePrompt: (s: string) => void,
  prompt: string,
): Promise<string> {
  return stdinIsTTY ? readHidden(stdin, writePrompt, prompt) : readPiped(stdin);
}
