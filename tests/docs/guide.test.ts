// The guides that messages point at (src/core/messages/guide.ts) exist, with the section named.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GUIDE } from '../../src/core/messages/guide';

const ROOT = join(__dirname, '..', '..');

test.each(Object.entries(GUIDE))('%s: the page and its section exist', (_, guide) => {
  const path = join(ROOT, guide.page);
  expect(existsSync(path)).toBe(true);
  const headings = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('#'))
    .map((l) => l.replace(/^#+\s*/, '').trim());
  expect(headings).toContain(guide.section);
});
