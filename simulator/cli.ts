/** `npm run sim`: starts the simulator with a seeded demo instance and prints how to use it. */
import { seedDemo, startSimulator } from './index';

const arg = (name: string): string | undefined => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit?.slice(name.length + 3);
};

const sim = await startSimulator({
  port: Number(arg('port') ?? process.env.SIM_PORT ?? 0),
  timeScale: Number(arg('time-scale') ?? 1),
  qrExhaustion: (arg('exhaustion') as 'fail' | 'restart' | 'endless' | undefined) ?? 'fail',
  expiryUnit: arg('expiry-unit') === 'ms' ? 'ms' : 's',
});
const { token, instanceId } = seedDemo(sim);
const ctl = `${sim.baseUrl}/__sim/instances/${instanceId}`;
const lines = [
  'Wawp simulator running (local demo token below is not a real Wawp credential).',
  `  base URL:    ${sim.baseUrl}`,
  `  instance id: ${instanceId}`,
  `  token:       ${token}`,
  '',
  'Start the session and fetch a QR:',
  `  curl -s -X POST '${sim.baseUrl}/v2/session/start?instance_id=${instanceId}&access_token=${token}'`,
  `  curl -s -X POST '${sim.baseUrl}/v2/auth/qr?instance_id=${instanceId}&access_token=${token}' -H 'Content-Type: application/json' -d '{"format":"raw"}'`,
  'Pretend a phone scanned the current code / entered a pairing code:',
  `  curl -s -X POST ${ctl}/scan -H 'Content-Type: application/json' -d '{"phone":"201012345678","pushName":"Demo"}'`,
  `  curl -s -X POST ${ctl}/enter-code -H 'Content-Type: application/json' -d '{"code":"ABCD-1234"}'`,
  'Other controls: POST .../unlink, .../crash, .../drop-session, .../flaky {"status":"STARTING","count":2}; GET ' +
    ctl,
  `  curl -s -X POST ${sim.baseUrl}/__sim/faults -H 'Content-Type: application/json' -d '{"endpoint":"auth/qr","status":429,"retryAfter":"5"}'`,
  'Ctrl+C to stop.',
];
process.stdout.write(`${lines.join('\n')}\n`);

const shutdown = (): void => {
  void sim.close().then(() => process.exit(0));
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
