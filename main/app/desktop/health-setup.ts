/**
 * Wires the background health scheduler to the machine: powerMonitor's suspend/resume and lock/unlock
 * pause it and trigger an immediate round of checks afterwards. Call after `app.whenReady()`
 * (powerMonitor is not usable before). https://www.electronjs.org/docs/latest/api/power-monitor
 */
import { powerMonitor } from 'electron';
import { systemClock } from '../../login/clock';
import { HealthScheduler, type HealthOptions } from './health';

export interface HealthHandle {
  scheduler: HealthScheduler;
  /** Stops checking and removes the powerMonitor listeners. */
  dispose(): void;
}

/** Starts the scheduler with the system clock and power events; `lock-screen` fires on macOS and Windows only. */
export function setupHealth(options: Omit<HealthOptions, 'clock'>): HealthHandle {
  const scheduler = new HealthScheduler({ ...options, clock: systemClock });
  const listeners = {
    suspend: () => scheduler.pause('suspend'),
    resume: () => scheduler.resume('suspend'),
    'lock-screen': () => scheduler.pause('lock'),
    'unlock-screen': () => scheduler.resume('lock'),
  } as const;
  for (const [event, listener] of Object.entries(listeners)) powerMonitor.on(event as 'suspend', listener);
  scheduler.start();
  return {
    scheduler,
    dispose() {
      for (const [event, listener] of Object.entries(listeners)) {
        powerMonitor.removeListener(event as 'suspend', listener);
      }
      scheduler.stop();
    },
  };
}
