/**
 * The application menu as data: the standard roles (Edit keeps copy and paste working on macOS), and
 * Reload / Toggle Developer Tools only in development. Type-only electron import, so tests read it in Node.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** The menu template for `platform`; `packaged` (app.isPackaged) drops the developer items. */
export function appMenuTemplate(options: {
  platform: NodeJS.Platform;
  packaged: boolean;
}): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const developer: MenuItemConstructorOptions[] = options.packaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...developer,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
