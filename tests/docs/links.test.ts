import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { anchors, externalAddresses, linkTargets, markdownPages, slug } from './pages';

const ROOT = join(__dirname, '..', '..');
const PAGES = markdownPages(ROOT);
const text = (page: string) => readFileSync(join(ROOT, page), 'utf8');
const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** Where a relative link of `page` leads: the file (from the root) and the anchor, if any. */
function resolveLink(page: string, target: string): { file: string; anchor: string | null } {
  const hash = target.indexOf('#');
  const path = hash < 0 ? target : target.slice(0, hash);
  const anchor = hash < 0 ? null : decodeURIComponent(target.slice(hash + 1));
  const file =
    path === ''
      ? page
      : relative(ROOT, normalize(join(ROOT, dirname(page), decodeURIComponent(path))))
          .split('\\')
          .join('/');
  return { file, anchor };
}

describe('GitHub-style heading anchors', () => {
  test.each([
    ['Lệnh `ptdv` (tệp .xlsx)', 'lệnh-ptdv-tệp-xlsx'],
    [
      'Kế hoạch 145 được điền sẵn — và những chỗ phải chọn',
      'kế-hoạch-145-được-điền-sẵn--và-những-chỗ-phải-chọn',
    ],
    ['Báo cáo JSON (`ptdv report --json`)', 'báo-cáo-json-ptdv-report---json'],
    ["A commune's, ward's or province's own plan", 'a-communes-wards-or-provinces-own-plan'],
    ['Bạn là ai? / Who are you?', 'bạn-là-ai--who-are-you'],
  ])('%s → #%s', (heading, anchor) => expect(slug(heading)).toBe(anchor));

  test('a repeated heading gets -1, -2', () => {
    expect([...anchors('# A\n\n## A\n\n```\n# not a heading\n```\n\n## A\n')]).toEqual([
      'a',
      'a-1',
      'a-2',
    ]);
  });
});

describe('the documentation holds together', () => {
  test('README.md is a landing page: at most 10 KiB', () => {
    expect(statSync(join(ROOT, 'README.md')).size).toBeLessThanOrEqual(10_240);
  });

  test('every relative link leads to a file, and every #anchor to a heading of it', () => {
    const broken: string[] = [];
    for (const page of PAGES) {
      for (const target of linkTargets(text(page))) {
        if (isExternal(target)) continue;
        const { file, anchor } = resolveLink(page, target);
        if (file.startsWith('..') || !existsSync(join(ROOT, file))) {
          broken.push(`${page}: ${target} (no file ${file})`);
          continue;
        }
        if (anchor === null || anchor === '') continue;
        if (!file.endsWith('.md')) broken.push(`${page}: ${target} (an anchor into a non-page)`);
        else if (!anchors(text(file)).has(anchor))
          broken.push(`${page}: ${target} (no heading #${anchor} in ${file})`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('every page under docs/ is reachable from README.md by following links', () => {
    const seen = new Set<string>(['README.md']);
    const queue = ['README.md'];
    while (queue.length > 0) {
      const page = queue.shift() as string;
      for (const target of linkTargets(text(page))) {
        if (isExternal(target)) continue;
        const { file } = resolveLink(page, target);
        if (file.endsWith('.md') && !seen.has(file) && existsSync(join(ROOT, file))) {
          seen.add(file);
          queue.push(file);
        }
      }
    }
    expect(PAGES.filter((p) => !seen.has(p))).toEqual([]);
  });

  test('the repository stands alone: outside links go to Google only', () => {
    const outside = PAGES.flatMap((page) =>
      [...externalAddresses(text(page)), ...linkTargets(text(page)).filter(isExternal)].map(
        (address) => ({ page, address }),
      ),
    ).filter(({ address }) => !/^https:\/\/([a-z-]+\.)*google\.com(\/|$)/.test(address));
    expect(outside).toEqual([]);
  });

  test('every page says whom it is for and links back to README.md', () => {
    for (const page of PAGES.filter((p) => p !== 'README.md')) {
      const lines = text(page).split('\n');
      const head = lines.slice(0, 6).join('\n');
      expect([page, /^_(Dành cho|For): /m.test(head)]).toEqual([page, true]);
      const back = linkTargets(head).map((t) => resolveLink(page, t).file);
      expect([page, back]).toEqual([page, expect.arrayContaining(['README.md'])]);
    }
  });
});
