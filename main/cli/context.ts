/** What commands are given: the process surface plus lazily opened stores and factories (swappable in tests). */
import type { LoginSession, LoginSessionOptions } from '../login/types';
import type { SecretStore } from '../store/secrets';
import type { WawpClient, WawpClientOptions } from '../wawp/types';
import type { CliIo } from './io';
import type { InstanceConfigs } from './instance-configs';

export interface CliContext {
  io: CliIo;
  version: string;
  /** The OS keychain (opened on first use, so env-token runs never load keytar). */
  secrets(): SecretStore;
  /** Configured instances (labels, base URLs, expected phones); never tokens. */
  instances(): InstanceConfigs;
  createClient(options: WawpClientOptions): WawpClient;
  createSession(options: LoginSessionOptions): LoginSession;
}

/** The public Wawp API (the simulator or a proxy can be chosen with --base-url or WAWP_BASE_URL). */
export { DEFAULT_BASE_URL } from '../../common/base-url';
