/**
 * build/installer.nsh, the NSIS include that registers wawp-link:// at install time and removes it at
 * uninstall: its text must write exactly the keys Electron's setAsDefaultProtocolClient writes (so the
 * run-time check sees them as ours), keep them during updates, and remove only our own registration.
 * Debian's makensis compiles it into a stub installer, so a syntax error fails here, not on Windows CI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL } from '../../main/app/desktop/deep-link';

const root = resolve(import.meta.dirname, '../..');
const includePath = resolve(root, 'build/installer.nsh');
const text = readFileSync(includePath, 'utf8');
const KEY = `Software\\Classes\\${PROTOCOL}`;
const COMMAND = `'"$INSTDIR\\\${APP_EXECUTABLE_FILENAME}" "%1"'`;
const work = mkdtempSync(join(tmpdir(), 'wawp-nsis-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The macro's body between `!macro name` and `!macroend`, without comments. */
function macro(name: string): string[] {
  const match = new RegExp(`^!macro ${name}\\n([\\s\\S]*?)^!macroend`, 'm').exec(text);
  if (!match) throw new Error(`no macro ${name}`);
  return match[1]!
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith(';'));
}

/** A stub installer around the include; electron-builder defines APP_EXECUTABLE_FILENAME and isUpdated. */
function stubScript(include: string, out: string): string {
  return [
    'Unicode true',
    '!include LogicLib.nsh',
    '!define APP_EXECUTABLE_FILENAME "wawp-link.exe"',
    'Var UPDATED',
    '!macro _isUpdated _a _b _t _f',
    '  StrCmp $UPDATED "1" `${_t}` `${_f}`',
    '!macroend',
    '!define isUpdated `"" isUpdated ""`',
    `!include "${include}"`,
    `OutFile "${out}"`,
    'RequestExecutionLevel user',
    'Function .onInit',
    '  StrCpy $UPDATED "0"',
    'FunctionEnd',
    'Function un.onInit',
    '  StrCpy $UPDATED "0"',
    'FunctionEnd',
    'Section',
    '  !insertmacro customInstall',
    '  WriteUninstaller "$INSTDIR\\uninstall.exe"',
    'SectionEnd',
    'Section "Uninstall"',
    '  !insertmacro customUnInstall',
    'SectionEnd',
    '',
  ].join('\n');
}

const makensis = spawnSync('makensis', ['-VERSION'], { encoding: 'utf8' }).status === 0;

function compile(include: string, name: string): { ok: boolean; output: string } {
  const script = join(work, `${name}.nsi`);
  writeFileSync(script, stubScript(include, join(work, `${name}.exe`)));
  const run = spawnSync('makensis', ['-V2', '-WX', script], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

describe('build/installer.nsh', () => {
  it('is the include electron-builder.yml names', () => {
    const config = parse(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as {
      nsis: { include: string; perMachine: boolean };
    };
    expect(resolve(root, config.nsis.include)).toBe(includePath);
  });

  it('registers the scheme for the current user as Electron does: URL Protocol, icon, open command', () => {
    expect(macro('customInstall')).toEqual([
      `WriteRegStr HKCU "${KEY}" "" "URL:${PROTOCOL}"`,
      `WriteRegStr HKCU "${KEY}" "URL Protocol" ""`,
      `WriteRegStr HKCU "${KEY}\\DefaultIcon" "" "$INSTDIR\\\${APP_EXECUTABLE_FILENAME},0"`,
      `WriteRegStr HKCU "${KEY}\\shell\\open\\command" "" ${COMMAND}`,
    ]);
  });

  it('removes the scheme on uninstall, but not during an update and not when another copy owns it', () => {
    expect(macro('customUnInstall')).toEqual([
      '${ifNot} ${isUpdated}',
      `ReadRegStr $0 HKCU "${KEY}\\shell\\open\\command" ""`,
      `\${if} $0 == ${COMMAND}`,
      `DeleteRegKey HKCU "${KEY}"`,
      '${endif}',
      '${endif}',
    ]);
  });

  it.skipIf(!makensis)('compiles with makensis (warnings are errors)', () => {
    const result = compile(includePath, 'real');
    expect(result.output).not.toMatch(/error/i);
    expect(result.ok).toBe(true);
    expect(readFileSync(join(work, 'real.exe')).subarray(0, 2).toString('latin1')).toBe('MZ'); // a Windows executable
  });

  it.skipIf(!makensis)('the compile check catches a broken include', () => {
    const broken = join(work, 'broken.nsh');
    writeFileSync(broken, text.replace('DeleteRegKey HKCU', 'DeleteRegKy HKCU'));
    expect(compile(broken, 'broken').ok).toBe(false);
  });
});
