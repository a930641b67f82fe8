import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../main/app/ipc/ipc-guard';

const mainFrame = { name: 'top' };
const subFrame = { name: 'child' };
const trusted = { has: (id: number) => id === 7 };

describe('isTrustedSender', () => {
  it('accepts the top frame of one of our windows', () => {
    expect(isTrustedSender({ sender: { id: 7, mainFrame }, senderFrame: mainFrame }, trusted)).toBe(true);
  });

  it('refuses a webContents that is not ours, even from its top frame', () => {
    expect(isTrustedSender({ sender: { id: 8, mainFrame }, senderFrame: mainFrame }, trusted)).toBe(false);
  });

  it('refuses a subframe of our own window', () => {
    expect(isTrustedSender({ sender: { id: 7, mainFrame }, senderFrame: subFrame }, trusted)).toBe(false);
  });

  it('refuses a message whose frame is gone (null or undefined)', () => {
    expect(isTrustedSender({ sender: { id: 7, mainFrame }, senderFrame: null }, trusted)).toBe(false);
    expect(
      isTrustedSender({ sender: { id: 7, mainFrame: undefined }, senderFrame: undefined }, trusted),
    ).toBe(false);
  });
});
