/** Single key presses from a terminal (raw mode): any key calls `onKey`, Ctrl-C / q / Esc call `onInterrupt`. */

/** Starts listening; returns the function that restores the terminal. */
export function watchKeys(
  stdin: NodeJS.ReadStream,
  handlers: { onKey: () => void; onInterrupt: () => void },
): () => void {
  const onData = (data: Buffer): void => {
    const text = data.toString('utf8');
    // In raw mode the terminal sends Ctrl-C as a byte instead of raising SIGINT.
    if (text === '\u0003' || text === 'q' || text === '\u001b') handlers.onInterrupt();
    else handlers.onKey();
  };
  stdin.setRawMode(true);
  stdin.resume();
  stdin.on('data', onData);
  return () => {
    stdin.off('data', onData);
    stdin.setRawMode(false);
    stdin.pause();
  };
}
