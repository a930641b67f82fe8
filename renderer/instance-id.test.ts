/** Pasted instance ids are normalised before they are checked, and each has one problem at most. */
import { describe, expect, it } from 'vitest';
import { instanceIdProblem, normaliseInstanceId } from './instance-id';

describe('instance ids', () => {
  it('drops spaces and dashes and fixes case, without cutting anything off', () => {
    expect(normaliseInstanceId(' 3eb0-bcb2-e3d4 ')).toBe('3EB0BCB2E3D4');
    expect(normaliseInstanceId('3EB0 BCB2\tE3D4')).toBe('3EB0BCB2E3D4');
    expect(normaliseInstanceId('3eb0–bcb2—e3d4')).toBe('3EB0BCB2E3D4');
    expect(normaliseInstanceId('3EB0BCB2E3D4XY')).toBe('3EB0BCB2E3D4XY');
    expect(instanceIdProblem(' 3eb0-bcb2-e3d4 ')).toBeNull();
  });

  it('names one problem: empty, bad characters, or the wrong length', () => {
    expect(instanceIdProblem('  ')).toBe('Enter the instance id.');
    expect(instanceIdProblem('3EB0_BCB2E3D4')).toMatch(/^Only letters/);
    expect(instanceIdProblem('3EB0BCB2E3D')).toBe('Needs exactly 12 characters (now 11).');
    expect(instanceIdProblem('3EB0BCB2E3D4X')).toBe('Needs exactly 12 characters (now 13).');
  });
});
