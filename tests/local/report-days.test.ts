// `ptdv report --html` dates the document as Xuất báo cáo does in Sheets: the day it is made, the
// as-of day of its figures in its title.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ptdv, tempDir } from '../helpers/cli';

const dir = tempDir();
const workbook = join(dir, 'demo.xlsx');

beforeAll(() => {
  expect(ptdv('demo', '--out', workbook).code).toBe(0);
});

const page = (...args: string[]) => {
  const html = join(dir, `${args.join('_').replace(/\W/g, '')}.html`);
  const run = ptdv('report', '--workbook', workbook, ...args, '--html', html);
  expect([run.code, run.stderr]).toEqual([0, expect.stringContaining(html)]);
  return readFileSync(html, 'utf8');
};

test('--as-of cuts the figures; the date line is the day the report is made', () => {
  const html = page('--today', '2024-09-02', '--as-of', '2024-09-01');
  expect(html).toContain('Hiệp Hòa, ngày 02 tháng 9 năm 2024');
  expect(html).toContain('số liệu tính đến ngày 01/09/2024');
});

test('without --as-of the figures run to the day it is made', () => {
  const html = page('--today', '2024-09-02');
  expect(html).toContain('Hiệp Hòa, ngày 02 tháng 9 năm 2024');
  expect(html).toContain('số liệu tính đến ngày 02/09/2024');
});

test('an as-of day after the day it is made is refused in Vietnamese, nothing written', () => {
  const html = join(dir, 'ahead.html');
  const run = ptdv(
    'report',
    '--workbook',
    workbook,
    '--today',
    '2024-09-02',
    '--as-of',
    '2024-09-03',
    '--html',
    html,
  );
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('sau hôm nay');
  expect(() => readFileSync(html)).toThrow();
});
