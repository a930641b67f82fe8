/** Extracts a short human message from an error body in JSON, XML, HTML or plain text. */

const MAX_DETAIL = 160;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the common named and numeric HTML/XML entities. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16) || 32);
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)) || 32);
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

/** Collapses whitespace, removes control characters and truncates to a readable length. */
export function tidy(text: string): string {
  const flat = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > MAX_DETAIL ? `${flat.slice(0, MAX_DETAIL - 1)}…` : flat;
}

/** Text content of markup: drops comments, scripts, styles and tags; decodes entities. */
export function stripTags(markup: string): string {
  return decodeEntities(
    markup
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ' '),
  );
}

function firstTag(markup: string, tags: readonly string[]): string | null {
  for (const tag of tags) {
    const match = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}\\s*>`, 'i').exec(markup);
    const text = match?.[1] !== undefined ? tidy(stripTags(match[1])) : '';
    if (text) return text;
  }
  return null;
}

function fromJson(value: unknown): string | null {
  if (typeof value === 'string') return tidy(value) || null;
  if (!value || typeof value !== 'object') return null;
  const obj = value as Record<string, unknown>;
  for (const key of ['message', 'error', 'code', 'detail', 'title']) {
    const field = obj[key];
    if (typeof field === 'string' && field.trim()) return tidy(field);
    if (Array.isArray(field) && field.every((x) => typeof x === 'string') && field.length)
      return tidy(field.join('; '));
    if (field && typeof field === 'object') {
      const nested = fromJson(field);
      if (nested) return nested;
    }
  }
  return null;
}

/** Parses a JSON body (null when it is not JSON). */
export function tryJson(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

/** A short, tag-free message from any error body, or null when the body says nothing useful. */
export function messageFromBody(body: string, contentType: string | null): string | null {
  const text = body.trim();
  if (!text) return null;
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('json') || text.startsWith('{') || text.startsWith('"')) {
    const parsed = tryJson(text);
    if (parsed) return fromJson(parsed.value);
  }
  const isHtml = type.includes('html') || /^(<!doctype html|<html)/i.test(text);
  if (isHtml) return firstTag(text, ['title', 'h1', 'h2', 'p']) ?? (tidy(stripTags(text)) || null);
  if (type.includes('xml') || text.startsWith('<')) {
    return (
      firstTag(text, ['message', 'error', 'detail', 'description', 'title']) ??
      (tidy(stripTags(text)) || null)
    );
  }
  return tidy(text.split(/\r?\n/).find((line) => line.trim()) ?? '') || null;
}
