/** `GET|POST|DELETE /v2/session/temp-link` (wawp-api.md §2.14), after the router's auth and instance checks. */
import type { SimInstance } from './instance';
import { tempLinkBody, tempLinksOf } from './temp-links';
import type { Reply } from './v2-handlers';
import type { SimWorld } from './world';

/** GET → the current link or `{link: null}`; POST → a new link (the old one stops working); DELETE → revoke. */
export function tempLinkReply(world: SimWorld, inst: SimInstance, method: string): Reply {
  const book = tempLinksOf(world);
  if (method === 'POST') return { status: 200, json: tempLinkBody(world, book.create(inst)) };
  if (method === 'DELETE') return { status: 200, json: { revoked: book.revoke(inst), link: null } };
  return { status: 200, json: tempLinkBody(world, book.current(inst)) };
}
