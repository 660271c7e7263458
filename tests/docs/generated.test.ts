import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockNames, blockOf, GENERATED, WRITTEN_BY_HAND } from './generated';
import { markdownPages } from './pages';

const ROOT = join(__dirname, '..', '..');

describe('generated blocks are what the code renders today (`npm run docs` rewrites them)', () => {
  test.each(GENERATED.map((b) => [`${b.page}: ${b.name}`, b] as const))('%s', (_, block) => {
    const page = readFileSync(join(ROOT, block.page), 'utf8');
    const shown = blockOf(page, block.name);
    expect(shown).not.toBeNull();
    // The page name is part of the value compared, so a failure says which page is stale.
    expect(`${block.page}\n${shown}`).toBe(`${block.page}\n${block.render(ROOT).trim()}`);
  });

  test('every marker pair in the docs has a generator, or is listed as written by hand', () => {
    const known = new Set([...GENERATED.map((b) => b.name), ...WRITTEN_BY_HAND]);
    const found = markdownPages(ROOT).flatMap((page) =>
      blockNames(readFileSync(join(ROOT, page), 'utf8')).map((name) => ({ page, name })),
    );
    expect(found.filter((f) => !known.has(f.name))).toEqual([]);
    for (const b of GENERATED) expect(found).toContainEqual({ page: b.page, name: b.name });
    for (const name of WRITTEN_BY_HAND) expect(found.map((f) => f.name)).toContain(name);
  });
});
