import { describe, expect, it } from 'vitest';
import { protocolDecision } from '../../main/app/desktop/protocol-registration';

describe('protocolDecision: register wawp-link:// at run time only when it is missing', () => {
  it('leaves an existing registration alone on every platform (the installer wrote it)', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(protocolDecision({ platform, defaultApp: false, isDefault: true }).register).toBe(false);
    }
  });

  it('registers on Windows when the key is missing (portable copy, or removed by the user)', () => {
    expect(protocolDecision({ platform: 'win32', defaultApp: false, isDefault: false }).register).toBe(true);
  });

  it('registers a development run that is not the handler yet', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(protocolDecision({ platform, defaultApp: true, isDefault: false }).register).toBe(true);
    }
  });

  it('relies on Info.plist in a packaged macOS app', () => {
    const decision = protocolDecision({ platform: 'darwin', defaultApp: false, isDefault: false });
    expect(decision.register).toBe(false);
    expect(decision.why).toContain('Info.plist');
  });

  it('does not pretend an AppImage can take links: they need an installed .desktop file', () => {
    const decision = protocolDecision({
      platform: 'linux',
      defaultApp: false,
      isDefault: false,
      appImage: '/home/ann/Apps/wawp-link.AppImage',
    });
    expect(decision.register).toBe(false);
    expect(decision.why).toContain('.desktop');
    expect(protocolDecision({ platform: 'linux', defaultApp: false, isDefault: false }).register).toBe(true);
  });
});
