/** A problem as one tray line, from the one message source (common/problems.ts). */
import type { InstanceView } from '../../../common/ipc';
import type { ProblemSource } from '../../../common/model';
import { describeProblem } from '../../../common/problems';

/** The tray's words for a problem: describeProblem's title, naming the instance's server when the error did not. */
export function problemTitle(error: ProblemSource, view: Pick<InstanceView, 'id' | 'baseUrl'>): string {
  let host = error.host;
  try {
    host ??= new URL(view.baseUrl).host;
  } catch {
    // an unparsable address: describeProblem says "the server"
  }
  return describeProblem({ ...error, ...(host ? { host } : {}) }, { instanceId: view.id }).title;
}
