/**
 * "Link again" banners for notifications the OS would not show (unsigned macOS builds emit `failed`): main
 * pushes them (`desktop:banner`) and lists the open ones in Settings' desktop status, so a window opened
 * later shows them too. Each offers the login view and can be dismissed.
 */
import type { DesktopBanner } from '../../common/ipc';
import { button, h } from '../dom';
import { t } from '../strings';

/** The banner area; `relink(id)` opens the instance's login view. Returns the element to place. */
export function desktopBanners(relink: (instanceId: string) => void): HTMLElement {
  const area = h('div', { class: 'desktop-banners' });
  const show = (banner: DesktopBanner): void => {
    if (area.querySelector(`[data-instance="${CSS.escape(banner.instanceId)}"]`)) return;
    const item = h(
      'div',
      { class: 'banner', role: 'status', 'data-instance': banner.instanceId },
      h('span', {}, t.desktop.relinkBanner(banner.label)),
    );
    item.append(
      button(
        t.desktop.relink,
        () => {
          item.remove();
          relink(banner.instanceId);
        },
        { class: 'btn' },
      ),
      button(t.desktop.dismiss, () => item.remove(), { class: 'btn btn-quiet' }),
    );
    area.append(item);
  };
  window.wawp.onDesktopBanner(show);
  void window.wawp.getSettings().then((view) => view.desktop?.banners.forEach(show));
  return area;
}
