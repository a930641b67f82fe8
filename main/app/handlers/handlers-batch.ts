/**
 * Handlers of the `batch:*` channels: one batch queue at a time over the LoginManager's sessions (login:start
 * and login:restart do the starting, so a batch opens sessions exactly like the login view), its state pushed
 * as `batch:changed`.
 */
import { z } from 'zod';
import type { BatchSelection, BatchView } from '../../../common/batch';
import type { Result } from '../../../common/ipc';
import type { WawpError } from '../../../common/model';
import { batchCommandSchema, batchSelectionSchema } from '../ipc/ipc-schemas';
import { createBatchQueue, type BatchEntry, type BatchQueue, type BatchStep } from './batch-queue';
import type { PushSender } from './handler-deps';
import { fail, ok, parseArgs, parseArgsOrThrow, type Handlers } from './handler-kit';
import type { InstanceRegistry } from './instance-registry';
import type { LoginManager } from './login-manager';

type BatchHandlers = Pick<Handlers, 'batch:start' | 'batch:control' | 'batch:get'>;

export interface BatchDeps {
  push: PushSender;
  registry: InstanceRegistry;
  manager: LoginManager;
  /** The login channels the batch starts sessions with. */
  login: Pick<Handlers, 'login:start'>;
  logout(id: string): Promise<{ ok: true } | { ok: false; error: WawpError }>;
  /** Pause on "Linked as …" before the next phone (ms); the default suits people. */
  confirmMs?: number;
}

/** Creates the batch handlers; `dispose` stops a running batch (app quit). */
export function createBatchHandlers(deps: BatchDeps): { channels: BatchHandlers; dispose(): void } {
  const { registry, manager } = deps;
  let queue: BatchQueue | null = null;
  const stopFollowing = manager.onEvent((id, event) => queue?.onLoginEvent(id, event));

  const started = async (id: string): Promise<BatchStep> => {
    const result = await deps.login['login:start'](id);
    return result.ok ? { ok: true } : { ok: false, problem: { code: result.code } };
  };
  const ports = {
    // A fresh session, even if one was open, so the batch sees the status from the start.
    begin(id: string): Promise<BatchStep> {
      manager.stop(id);
      return started(id);
    },
    async renew(id: string): Promise<BatchStep> {
      manager.stop(id);
      const step = await started(id);
      if (step.ok) await manager.restart(id);
      return step;
    },
    end: (id: string) => manager.stop(id),
    async logout(id: string): Promise<BatchStep> {
      const outcome = await deps.logout(id);
      return outcome.ok ? outcome : { ok: false, problem: outcome.error };
    },
    publish: (view: BatchView) => deps.push('batch:changed', view),
    now: () => Date.now(),
    setTimer(ms: number, fn: () => void) {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
  };

  const entriesFor = async (selection: BatchSelection): Promise<BatchEntry[]> => {
    if (selection === 'needs-linking') {
      const views = await registry.views();
      return views
        .filter((view) => view.hasToken && view.status !== 'WORKING')
        .map((view) => ({ id: view.id, label: view.label || view.id, expectedPhone: view.expectedPhone }));
    }
    return [...new Set(selection)].map((id) => {
      const known = registry.find(id);
      return { id, label: known?.label || id, expectedPhone: known?.expectedPhone ?? null };
    });
  };

  const control = (args: unknown[]): Result<BatchView | null> => {
    const parsed = parseArgs(z.tuple([batchCommandSchema]), args);
    if (!parsed.ok) return parsed.result;
    const [command] = parsed.value;
    if (!queue) return fail('no_batch', 'No batch is running. Start one from the list.');
    if (!queue.command(command)) return fail('not_now', 'That does not apply at this step.');
    if (command !== 'close') return ok(queue.view());
    queue.dispose();
    queue = null;
    deps.push('batch:changed', null);
    return ok(null);
  };

  const channels: BatchHandlers = {
    'batch:start': async (...args) => {
      const parsed = parseArgs(z.tuple([batchSelectionSchema]), args);
      if (!parsed.ok) return parsed.result;
      const entries = await entriesFor(parsed.value[0]);
      if (entries.length === 0) return fail('nothing_to_link', 'Every number is already linked.');
      queue?.dispose();
      queue = createBatchQueue(entries, ports, { confirmMs: deps.confirmMs });
      return ok(queue.view());
    },
    'batch:control': (...args) => Promise.resolve(control(args)),
    'batch:get': (...args) =>
      Promise.resolve(args).then((raw) => {
        parseArgsOrThrow(z.tuple([]), raw);
        return queue?.view() ?? null;
      }),
  };
  return {
    channels,
    dispose() {
      stopFollowing();
      queue?.dispose();
      queue = null;
    },
  };
}
