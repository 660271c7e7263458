// `--unit-files DIR`: the command line's twin of one spreadsheet per unit. DIR holds one .xlsx per
// unit, named by the unit's code (`THPT-HH1.xlsx` or `THPT-HH1 - Trường ….xlsx`); each is read
// as that unit's list, and only figures reach the Board's workbook and its outputs.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UNIT_FILES } from '../core/messages/setup';
import { matchKey } from '../core/text/normalize';
import { interpretUnits } from '../core/plan/units-input';
import { cellText } from '../core/text/cells';
import { unitFileProblem, unreadFile, type UnitFileFigures } from '../core/counting/unit-files';
import { summarizeUnitFile, UNIT_FILE_SHEET } from '../workbook/unit-files';
import type { UnitFilesSource } from '../workbook/usecases';
import type { Cell } from '../workbook/port';
import { readXlsx } from './xlsx-reader';

/** The unit code a file's name starts with: the part before ` - `, without `.xlsx`. */
export function codeOfFileName(name: string): string {
  return (name.replace(/\.xlsx$/i, '').split(' - ')[0] ?? '').trim();
}

export async function folderUnitFiles(dir: string): Promise<UnitFilesSource> {
  const names = readdirSync(dir)
    .filter((n) => /\.xlsx$/i.test(n) && !n.startsWith('.') && !n.startsWith('~$'))
    .sort();
  const files: { name: string; values: Cell[][] }[] = [];
  for (const name of names) {
    const book = await readXlsx(join(dir, name), (sheet) => sheet === UNIT_FILE_SHEET);
    files.push({ name, values: book.readSheet(UNIT_FILE_SHEET) ?? [] });
  }
  return (board, asOf, today) => {
    const codes = board.milestones.rows.map((r) => cellText(r.cells.code)).filter((c) => c !== '');
    const units = interpretUnits(board.units, codes).units;
    const out: UnitFileFigures[] = [];
    for (const file of files) {
      const prefix = matchKey(codeOfFileName(file.name));
      const unit = units.find((u) => matchKey(u.code) === prefix);
      if (!unit) {
        out.push(
          unreadFile(
            { code: '', label: file.name, url: '' },
            unitFileProblem(file.name, {
              code: 'unit_file_unknown',
              message: UNIT_FILES.noFile(file.name),
            }),
          ),
        );
        continue;
      }
      out.push(
        summarizeUnitFile(board, { code: unit.code, url: '', values: file.values }, asOf, today),
      );
    }
    return out;
  };
}
