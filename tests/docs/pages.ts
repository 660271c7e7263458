// The documentation's pages and what the link test needs of them: links, headings, GitHub's
// heading anchors.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** README.md and every .md under docs/, as paths from the root with forward slashes. */
export function markdownPages(root: string): string[] {
  const out = ['README.md'];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) out.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(join(root, 'docs'));
  return out;
}

/** The text outside fenced code blocks, line by line (fenced lines blanked, numbering kept). */
function outsideFences(text: string): string[] {
  let fence: string | null = null;
  return text.split('\n').map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      return '';
    }
    if (marker) {
      fence = marker;
      return '';
    }
    return line;
  });
}

/** Inline links and images `[text](target)` outside code: their targets. */
export function linkTargets(text: string): string[] {
  const prose = outsideFences(text)
    .join('\n')
    .replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(
    (m) => m[1] ?? '',
  );
}

/** The http(s) addresses of a page's prose (bare or in a link), code left out. */
export function externalAddresses(text: string): string[] {
  const prose = outsideFences(text)
    .join('\n')
    .replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/https?:\/\/[^\s)>\]]+/g)].map((m) => m[0]);
}

/** GitHub's anchor for a heading: lowercase, punctuation dropped, spaces to '-' (letters of any script kept). */
export function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link's text
    .replace(/<[^>]+>/g, '') // inline HTML
    .replace(/[`*~]/g, ''); // code and emphasis marks (the docs use `_` only inside identifiers)
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a page's headings, duplicates numbered as GitHub numbers them (-1, -2, …). */
export function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of outsideFences(text)) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = slug(m[1] ?? '');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}
