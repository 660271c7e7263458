/**
 * Self-tests for the Apps Script fakes: they must behave like the real services where the bundle
 * depends on it, and record calls faithfully. Scripts here are inline strings run in the vm
 * context, so these tests do not need dist/Code.js.
 */
import {
  BODY_SIZE_MESSAGE,
  CELL_LIMIT_MESSAGE,
  createGasEnvironment,
  CUT_OFF_MESSAGE,
  isCutOffError,
  OUTSIDE_GRID_MESSAGE,
  PROTECTED_MESSAGE,
  runScript,
  TOO_MANY_RECIPIENTS_MESSAGE,
  type GasEnvironment,
} from './fakes';

function load(env: GasEnvironment, code: string) {
  return runScript(env, code, 'fakes-test.js');
}

describe('sheets', () => {
  it('getLastRow/getLastColumn follow the content inside a grid that writes never grow', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function write() {
         var sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Data');
         sheet.getRange(999, 25, 2, 2).setValues([[1, 2], [3, 4]]);
         return [sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()];
       }`,
    );
    expect(gas.write()).toEqual([1000, 26, 1000, 26]);
    const sheet = env.spreadsheet.sheet('Data');
    expect(sheet.values('Y999:Z1000')).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(sheet.getRange('A1:B2').getA1Notation()).toBe('A1:B2');
  });

  it('throws the real dimension-mismatch message as an Error of the bundle realm', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function mismatch() {
         try {
           SpreadsheetApp.getActiveSheet().getRange(1, 1, 2, 2).setValues([[1, 2]]);
         } catch (e) {
           return [e instanceof Error, String(e)];
         }
       }`,
    );
    expect(gas.mismatch()).toEqual([
      true,
      'Exception: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    ]);
    expect(() =>
      env.spreadsheet
        .sheet('Sheet1')
        .getRange(1, 1, 1, 2)
        .setValues([[1]]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('keeps user text starting with "=" as a formula, and apostrophe-prefixed text as text', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function write() {
         SpreadsheetApp.getActiveSheet().getRange('A1:C1').setValues([['=1+1', "'=2+2", 'plain']]);
       }`,
    );
    gas.write();
    const sheet = env.spreadsheet.sheet('Sheet1');
    expect(sheet.formulas()).toEqual([['=1+1', '', '']]);
    expect(sheet.values()).toEqual([['=1+1', '=2+2', 'plain']]);
  });

  it('models formats, notes, validations, rules, charts and protections for inspection', () => {
    const env = createGasEnvironment();
    env.spreadsheet.addSheet('T', [
      ['Name', 'Date'],
      ['An', new Date('2024-03-01T00:00:00Z')],
    ]);
    const gas = load(
      env,
      `function format() {
         var sheet = SpreadsheetApp.getActive().getSheetByName('T');
         sheet.getRange('B2').setNumberFormat('dd/mm/yyyy');
         sheet.getRange(1, 1, 1, 2).setFontWeight('bold').setBackground('#eeeeee');
         sheet.getRange('A2').setNote('hi');
         sheet.setFrozenRows(1);
         sheet.setColumnWidth(2, 150);
         var list = SpreadsheetApp.newDataValidation().requireValueInList(['x', 'y'], true)
           .setAllowInvalid(false).build();
         sheet.getRange('A2').setDataValidation(list);
         var rule = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('An')
           .setBackground('#ff0000').setRanges([sheet.getRange('A2:A')]).build();
         sheet.setConditionalFormatRules(sheet.getConditionalFormatRules().concat([rule]));
         sheet.insertChart(sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B2'))
           .setTitle('Chart').setPosition(5, 1, 0, 0).build());
         var p = sheet.protect().setDescription('locked');
         p.removeEditors(p.getEditors());
         p.addEditor('admin@example.com');
         return sheet.getRange('B2').getDisplayValue();
       }`,
    );
    expect(gas.format()).toBe('01/03/2024');
    const sheet = env.spreadsheet.sheet('T');
    expect(sheet.fontWeights()).toEqual([
      ['bold', 'bold'],
      ['normal', 'normal'],
    ]);
    expect(sheet.notes()).toEqual([
      ['', ''],
      ['hi', ''],
    ]);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.columnWidths().slice(0, 3)).toEqual([100, 150, 100]);
    expect(sheet.validations('A2')).toEqual([
      [
        {
          criteria: 'VALUE_IN_LIST',
          values: [['x', 'y'], true],
          allowInvalid: false,
          helpText: null,
        },
      ],
    ]);
    expect(sheet.conditionalFormats()).toEqual([
      {
        ranges: ['T!A2:A1000'],
        condition: { type: 'TEXT_EQUAL_TO', values: ['An'] },
        format: { background: '#ff0000' },
      },
    ]);
    expect(sheet.charts()).toEqual([
      expect.objectContaining({ type: 'COLUMN', ranges: ['T!A1:B2'], options: { title: 'Chart' } }),
    ]);
    expect(sheet.protections()).toEqual([
      expect.objectContaining({
        type: 'SHEET',
        description: 'locked',
        editors: ['owner@example.com', 'admin@example.com'],
      }),
    ]);
  });
});

describe('grid bounds', () => {
  const OUTSIDE = `Exception: ${OUTSIDE_GRID_MESSAGE}`;

  it('refuses a range below getMaxRows() or right of getMaxColumns(), numeric or A1', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function attempt(fn) { try { fn(); return 'ok'; } catch (e) { return String(e); } }
       function probe() {
         var sheet = SpreadsheetApp.getActiveSheet();
         return [
           attempt(function () { sheet.getRange(1000, 26).setValue('corner'); }),
           attempt(function () { sheet.getRange(1001, 1); }),
           attempt(function () { sheet.getRange(1, 27); }),
           attempt(function () { sheet.getRange(999, 1, 3, 1); }),
           attempt(function () { sheet.getRange('A1001'); }),
           attempt(function () { sheet.getRange('Z1:AA2'); }),
           attempt(function () { sheet.getRange('A2:C'); }),
           attempt(function () { sheet.getRange('A:Z'); }),
           attempt(function () { SpreadsheetApp.getActive().getRange('Sheet1!A999:A1001'); }),
           attempt(function () { sheet.getRange('A1000').offset(1, 0); }),
         ];
       }`,
    );
    expect(gas.probe()).toEqual([
      'ok',
      OUTSIDE,
      OUTSIDE,
      OUTSIDE,
      OUTSIDE,
      OUTSIDE,
      'ok',
      'ok',
      OUTSIDE,
      OUTSIDE,
    ]);
    const sheet = env.spreadsheet.sheet('Sheet1');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(sheet.values('Z1000')).toEqual([['corner']]);
  });

  it('grows only through insertRows/insertColumns and appendRow; load() grows for the test', () => {
    const env = createGasEnvironment();
    env.spreadsheet.sheet('Sheet1').load([['seed']], 1000);
    const gas = load(
      env,
      `function grow() {
         var sheet = SpreadsheetApp.getActiveSheet();
         sheet.appendRow(['appended', 'row']);
         var afterAppend = [sheet.getMaxRows(), sheet.getLastRow()];
         sheet.insertRowsAfter(sheet.getMaxRows(), 2);
         sheet.insertColumnsAfter(26, 1);
         sheet.getRange(1003, 27).setValue('new corner');
         return afterAppend.concat([sheet.getMaxRows(), sheet.getMaxColumns()]);
       }`,
    );
    expect(gas.grow()).toEqual([1001, 1001, 1003, 27]);
    const sheet = env.spreadsheet.sheet('Sheet1');
    expect(sheet.values('A1000:B1001')).toEqual([
      ['seed', ''],
      ['appended', 'row'],
    ]);
    expect(sheet.values('AA1003')).toEqual([['new corner']]);

    // The helper seeds past the grid, as a test sets up a big sheet.
    sheet.load([['far']], 5000, 30);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([5000, 30]);
  });

  it('refuses writes through a range whose rows were deleted since', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function stale() {
         var sheet = SpreadsheetApp.getActiveSheet();
         var last = sheet.getRange(1000, 1);
         sheet.deleteRows(1, 10);
         try { last.setValue('x'); } catch (e) { return [sheet.getMaxRows(), e.message]; }
       }`,
    );
    expect(gas.stale()).toEqual([990, OUTSIDE_GRID_MESSAGE]);
  });
});

describe('the 10,000,000-cell workbook', () => {
  const LIMIT = `Exception: ${CELL_LIMIT_MESSAGE}`;

  it('counts maxRows x maxColumns over the sheets; a new sheet takes 1000 x 26', () => {
    const env = createGasEnvironment({ sheetNames: ['A', 'B'] });
    expect(env.spreadsheet.totalCells()).toBe(2 * 26_000);
    const gas = load(
      env,
      `function change() {
         var ss = SpreadsheetApp.getActive();
         ss.insertSheet('C');
         ss.getSheetByName('A').insertColumnsAfter(26, 4);
         ss.getSheetByName('B').deleteRows(1, 500);
       }`,
    );
    gas.change();
    expect(env.spreadsheet.totalCells()).toBe(26_000 + 30_000 + 13_000);
  });

  it('refuses insertSheet, insert rows/columns and appendRow growth past the limit, changing nothing', () => {
    const env = createGasEnvironment();
    // 384,615 x 26 = 9,999,990 cells: 10 short of the limit.
    env.spreadsheet.sheet('Sheet1').load([['last']], 384_615);
    expect(env.spreadsheet.totalCells()).toBe(9_999_990);
    const gas = load(
      env,
      `function attempt(fn) { try { fn(); return 'ok'; } catch (e) { return String(e); } }
       function tryAll() {
         var ss = SpreadsheetApp.getActive();
         var sheet = ss.getSheetByName('Sheet1');
         return [
           attempt(function () { ss.insertSheet('New'); }),
           attempt(function () { sheet.insertRowsAfter(1, 1000); }),
           attempt(function () { sheet.insertColumnAfter(26); }),
           attempt(function () { sheet.insertRows(1, 1); }),
           attempt(function () { sheet.appendRow(['x']); }),
           ss.getNumSheets(),
         ];
       }
       function afterFreeing() {
         var ss = SpreadsheetApp.getActive();
         ss.getSheetByName('Sheet1').deleteRows(2, 1000);
         ss.insertSheet('New');
         return attempt(function () { ss.getSheetByName('New').appendRow(['one more']); });
       }`,
    );
    expect(gas.tryAll()).toEqual([LIMIT, LIMIT, LIMIT, LIMIT, LIMIT, 1]);
    const sheet = env.spreadsheet.sheet('Sheet1');
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow()]).toEqual([
      384_615, 26, 384_615,
    ]);
    expect(env.spreadsheet.totalCells()).toBe(9_999_990);

    // Deleting 1000 rows frees 26,000 cells: room for one new sheet; appendRow into its empty
    // first row needs no growth.
    expect(gas.afterFreeing()).toBe('ok');
    expect(env.spreadsheet.totalCells()).toBe(9_999_990);
    expect(sheet.values('A383615')).toEqual([['last']]);

    // appendRow below the last row of a full sheet would add a row: refused.
    const more = load(
      env,
      `function more() {
         try { SpreadsheetApp.getActive().getSheetByName('Sheet1').appendRow(['x']); }
         catch (e) { return String(e); }
       }`,
    );
    expect(more.more()).toBe(LIMIT);
    expect(() => env.spreadsheet.addSheet('Helper')).toThrow(CELL_LIMIT_MESSAGE);

    // Deleting a sheet frees its cells.
    const freed = load(
      env,
      `function drop() {
         var ss = SpreadsheetApp.getActive();
         ss.deleteSheet(ss.getSheetByName('New'));
         ss.insertSheet('Again');
         return ss.getNumSheets();
       }`,
    );
    expect(freed.drop()).toBe(2);
  });
});

describe('protections, enforced for the effective user', () => {
  const OWNER = 'owner@example.com';
  const OFFICER = 'officer@example.com';
  const PROTECTED = `Exception: ${PROTECTED_MESSAGE}`;

  /** A spreadsheet whose owner protected 'Locked' (B2:C3 left open) and 'Open'!A1:B2. */
  function protectedSheet(): { env: GasEnvironment; gas: ReturnType<typeof load> } {
    const env = createGasEnvironment({ user: OWNER });
    env.spreadsheet.addSheet('Locked', [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    env.spreadsheet.addSheet('Open', [['x', 'y', 'z']]);
    const gas = load(
      env,
      `function attempt(fn) { try { fn(); return 'ok'; } catch (e) { return String(e); } }
       function protectAll() {
         var ss = SpreadsheetApp.getActive();
         var locked = ss.getSheetByName('Locked');
         var p = locked.protect().setDescription('Board only');
         p.setUnprotectedRanges([locked.getRange('B2:C3')]);
         p.removeEditors(p.getEditors());
         ss.getSheetByName('Open').getRange('A1:B2').protect().setDescription('header');
       }
       function lockedSheet() { return SpreadsheetApp.getActive().getSheetByName('Locked'); }
       function writes() {
         var ss = SpreadsheetApp.getActive();
         var sheet = lockedSheet();
         var r = sheet.getRange('A1');
         var rule = SpreadsheetApp.newDataValidation().requireValueInList(['x']).build();
         var cf = SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setBackground('#ff0000')
           .setRanges([sheet.getRange('A1:A2')]).build();
         var chart = sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B2')).build();
         var p = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
         var ops = {
           setValue: function () { r.setValue('new'); },
           setValues: function () { sheet.getRange('A1:B1').setValues([['1', '2']]); },
           setFormula: function () { r.setFormula('=1+1'); },
           clear: function () { r.clear(); },
           clearContent: function () { r.clearContent(); },
           clearFormat: function () { r.clearFormat(); },
           clearNote: function () { r.clearNote(); },
           sheetClear: function () { sheet.clear(); },
           sheetClearContents: function () { sheet.clearContents(); },
           setNote: function () { r.setNote('n'); },
           setNotes: function () { r.setNotes([['n']]); },
           setBackground: function () { r.setBackground('#ff0000'); },
           setBackgrounds: function () { r.setBackgrounds([['#ff0000']]); },
           setFontWeight: function () { r.setFontWeight('bold'); },
           setFontWeights: function () { r.setFontWeights([['bold']]); },
           setNumberFormat: function () { r.setNumberFormat('0.00'); },
           setNumberFormats: function () { r.setNumberFormats([['0.00']]); },
           setDataValidation: function () { r.setDataValidation(rule); },
           clearDataValidations: function () { r.clearDataValidations(); },
           merge: function () { sheet.getRange('A1:A2').merge(); },
           setBorder: function () { r.setBorder(true, true, true, true, false, false); },
           setColumnWidth: function () { sheet.setColumnWidth(1, 200); },
           setColumnWidths: function () { sheet.setColumnWidths(1, 2, 200); },
           setRowHeight: function () { sheet.setRowHeight(1, 40); },
           setFrozenRows: function () { sheet.setFrozenRows(1); },
           setFrozenColumns: function () { sheet.setFrozenColumns(1); },
           insertRowsAfter: function () { sheet.insertRowsAfter(1, 1); },
           insertColumnsAfter: function () { sheet.insertColumnsAfter(1, 1); },
           deleteRows: function () { sheet.deleteRows(5, 1); },
           deleteColumns: function () { sheet.deleteColumns(5, 1); },
           appendRow: function () { sheet.appendRow(['x']); },
           setConditionalFormatRules: function () { sheet.setConditionalFormatRules([cf]); },
           insertChart: function () { sheet.insertChart(chart); },
           setName: function () { sheet.setName('Renamed'); },
           deleteSheet: function () { ss.deleteSheet(sheet); },
           addEditor: function () { p.addEditor('${OFFICER}'); },
           removeEditor: function () { p.removeEditor('${OWNER}'); },
           setDescription: function () { p.setDescription('mine now'); },
           setWarningOnly: function () { p.setWarningOnly(true); },
           setDomainEdit: function () { p.setDomainEdit(true); },
           setUnprotectedRanges: function () { p.setUnprotectedRanges([sheet.getRange('A1:C3')]); },
           remove: function () { p.remove(); },
         };
         var out = {};
         for (var name in ops) out[name] = attempt(ops[name]);
         return out;
       }
       function reads() {
         var sheet = lockedSheet();
         var p = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
         return [sheet.getRange('A1:C2').getValues(), p.getDescription(), p.canEdit(),
           p.getEditors().map(function (u) { return u.getEmail(); })];
       }
       function openCells() {
         var sheet = lockedSheet();
         var open = SpreadsheetApp.getActive().getSheetByName('Open');
         return [
           attempt(function () { sheet.getRange('B2:C3').setValues([['in', 'side'], ['the', 'hole']]); }),
           attempt(function () { sheet.getRange('B2').setNote('note'); }),
           attempt(function () { sheet.getRange('A2:B2').setValues([['half', 'out']]); }),
           attempt(function () { open.getRange('C1').setValue('free'); }),
           attempt(function () { open.getRange('B2:C2').setValues([['over', 'lap']]); }),
           attempt(function () { open.insertRowsAfter(5, 1); }),
           attempt(function () { open.insertRowAfter(1); }),
           attempt(function () { open.deleteRows(3, 1); }),
           attempt(function () { open.deleteRows(2, 1); }),
           attempt(function () { open.setFrozenRows(1); }),
         ];
       }`,
    );
    gas.protectAll();
    return { env, gas };
  }

  it('refuses every kind of change to a protected sheet for a user who is not an editor, with no effect', () => {
    const { env, gas } = protectedSheet();
    const before = JSON.stringify([
      env.spreadsheet.sheetNames(),
      env.spreadsheet.protections(),
      env.spreadsheet.totalCells(),
      ...['Locked', 'Open'].map((name) => {
        const s = env.spreadsheet.sheet(name);
        return [
          s.values('A1:E5'),
          s.formulas('A1:E5'),
          s.notes('A1:E5'),
          s.backgrounds('A1:E5'),
          s.fontWeights('A1:E5'),
          s.numberFormats('A1:E5'),
          s.validations('A1:E5'),
          s.merges(),
          s.borders(),
          s.columnWidths(),
          s.getFrozenRows(),
          s.getFrozenColumns(),
          s.getRowHeight(1),
          s.conditionalFormats(),
          s.charts(),
        ];
      }),
    ]);
    env.actAs(OFFICER);
    expect(env.session.getActiveUser().getEmail()).toBe(OFFICER);
    expect(env.state.effectiveUser).toBe(OFFICER);
    const results = gas.writes() as Record<string, string>;
    expect(Object.keys(results)).toHaveLength(42);
    expect(Object.entries(results).filter(([, r]) => r !== PROTECTED)).toEqual([]);
    const after = JSON.stringify([
      env.spreadsheet.sheetNames(),
      env.spreadsheet.protections(),
      env.spreadsheet.totalCells(),
      ...['Locked', 'Open'].map((name) => {
        const s = env.spreadsheet.sheet(name);
        return [
          s.values('A1:E5'),
          s.formulas('A1:E5'),
          s.notes('A1:E5'),
          s.backgrounds('A1:E5'),
          s.fontWeights('A1:E5'),
          s.numberFormats('A1:E5'),
          s.validations('A1:E5'),
          s.merges(),
          s.borders(),
          s.columnWidths(),
          s.getFrozenRows(),
          s.getFrozenColumns(),
          s.getRowHeight(1),
          s.conditionalFormats(),
          s.charts(),
        ];
      }),
    ]);
    expect(after).toBe(before);
    // Reading is always allowed; canEdit answers for the effective user.
    expect(gas.reads()).toEqual([
      [
        ['a', 'b', 'c'],
        ['d', 'e', 'f'],
      ],
      'Board only',
      false,
      [OWNER],
    ]);
  });

  it('honours unprotected ranges, and a range protection only blocks what overlaps it', () => {
    const { env, gas } = protectedSheet();
    env.actAs(OFFICER);
    expect(gas.openCells()).toEqual([
      'ok',
      'ok',
      PROTECTED,
      'ok',
      PROTECTED,
      'ok',
      PROTECTED,
      'ok',
      PROTECTED,
      'ok',
    ]);
    expect(env.spreadsheet.sheet('Locked').values('B2:C3')).toEqual([
      ['in', 'side'],
      ['the', 'hole'],
    ]);
  });

  it('lets the owner, the editors and anyone under a warning-only protection edit', () => {
    const { env, gas } = protectedSheet();
    const edit = load(
      env,
      `function edit(value) {
         return attempt(function () { lockedSheet().getRange('A1').setValue(value); });
       }
       function share(email) {
         lockedSheet().getProtections(SpreadsheetApp.ProtectionType.SHEET)[0].addEditor(email);
       }
       function warnOnly() {
         lockedSheet().getProtections(SpreadsheetApp.ProtectionType.SHEET)[0].setWarningOnly(true);
       }`,
    );
    env.actAs(OFFICER);
    expect(edit.edit('officer')).toBe(PROTECTED);
    env.actAs(OWNER);
    expect(edit.edit('owner')).toBe('ok');
    edit.share(OFFICER.toUpperCase());
    env.actAs(OFFICER);
    expect(edit.edit('officer, now an editor')).toBe('ok');
    expect(gas.reads()[2]).toBe(true);

    env.actAs('other@example.com');
    expect(edit.edit('other')).toBe(PROTECTED);
    env.actAs(OWNER);
    edit.warnOnly();
    env.actAs('other@example.com');
    expect(edit.edit('other, warned')).toBe('ok');
    expect(env.spreadsheet.sheet('Locked').values('A1')).toEqual([['other, warned']]);
  });

  it('runs a trigger as its creator, and the load() helper as the test', () => {
    const { env, gas } = protectedSheet();
    const install = load(
      env,
      `function install() { ScriptApp.newTrigger('daily').timeBased().everyDays(1).create(); }
       function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }`,
    );
    env.actAs(OFFICER);
    install.install();
    env.actAs(OWNER);
    install.install();
    expect(env.triggers.map((t) => t.creator)).toEqual([OFFICER, OWNER]);
    env.actAsTrigger(env.triggers[0] ?? OFFICER);
    expect(install.who()).toEqual(['', OFFICER]);
    expect(gas.openCells()[2]).toBe(PROTECTED);
    env.actAsTrigger(env.triggers[1] ?? OWNER);
    expect(gas.openCells()[2]).toBe('ok');

    env.actAs(OFFICER);
    env.spreadsheet.sheet('Locked').load([['seeded by the test']]);
    expect(env.spreadsheet.sheet('Locked').values('A1')).toEqual([['seeded by the test']]);
  });
});

describe('call recording', () => {
  it('counts SpreadsheetApp calls across derived objects, Ui separately, helpers not at all', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function run() {
         var ss = SpreadsheetApp.getActiveSpreadsheet();      // 1
         var sheet = ss.getSheetByName('Sheet1');             // 2
         sheet.getRange('A1').setValue('x');                  // 3, 4
         var ui = SpreadsheetApp.getUi();                     // 5
         ui.createMenu('PTĐV').addItem('Run', 'run').addToUi(); // Ui x3
         ss.toast('done');                                    // 6
       }`,
    );
    gas.run();
    expect(env.countCalls('SpreadsheetApp')).toBe(6);
    expect(env.countCalls('Ui')).toBe(3);
    expect(env.calls.map((c) => c.method).slice(0, 4)).toEqual([
      'getActiveSpreadsheet',
      'getSheetByName',
      'getRange',
      'setValue',
    ]);
    expect(env.ui.menus).toEqual([
      { title: 'PTĐV', items: [{ caption: 'Run', functionName: 'run' }] },
    ]);
    expect(env.ui.toasts[0]?.message).toBe('done');

    env.resetCalls();
    env.spreadsheet.sheet('Sheet1').values();
    env.spreadsheet.getSheetByName('Sheet1')?.getRange('A1').getValue();
    expect(env.calls).toEqual([]);
  });

  it('returns the same proxy for the same fake, so identity checks work in the bundle', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function same() {
         var ss = SpreadsheetApp.getActive();
         return ss.getSheetByName('Sheet1') === ss.getActiveSheet();
       }`,
    );
    expect(gas.same()).toBe(true);
  });
});

describe('MailApp', () => {
  it('charges one quota unit per recipient and refuses to go below zero', () => {
    const env = createGasEnvironment({ mailQuota: 4 });
    const gas = load(
      env,
      `function send() {
         MailApp.sendEmail('a@example.com, b@example.com', 'S', 'B', { cc: 'c@example.com' });
         var left = MailApp.getRemainingDailyQuota();
         try {
           MailApp.sendEmail({ to: 'd@example.com', bcc: 'e@example.com', subject: 'S', body: 'B' });
         } catch (e) {
           return [left, e.message];
         }
       }`,
    );
    expect(gas.send()).toEqual([1, 'Service invoked too many times for one day: email.']);
    expect(env.mail.sent).toHaveLength(1);
    expect(env.mail.recipients()).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
    expect(env.mail.quota).toBe(1);
  });

  it('rejects configured addresses and cuts a run off after n sends', () => {
    const env = createGasEnvironment();
    env.mail.reject('bad@example.com').failAfter(2);
    const gas = load(
      env,
      `function sendAll(list) {
         var failed = [];
         for (var i = 0; i < list.length; i++) {
           try { MailApp.sendEmail(list[i], 'S', 'B'); } catch (e) { failed.push(e.message); }
         }
         return failed;
       }`,
    );
    const list = ['a@x.com', 'bad@example.com', 'b@x.com', 'c@x.com', 'd@x.com'];
    expect(gas.sendAll(list)).toEqual([
      'Invalid email: bad@example.com',
      'Exceeded maximum execution time',
      'Exceeded maximum execution time',
    ]);
    expect(env.mail.sent.map((m) => m.to)).toEqual(['a@x.com', 'b@x.com']);
    expect(() => gas.sendAll(['e@x.com'])).not.toThrow();
    expect(env.state.cutOff).toBe(true);

    env.endExecution();
    expect(gas.sendAll(['e@x.com'])).toEqual([]);
    expect(isCutOffError(new Error('Exceeded maximum execution time'))).toBe(true);
  });

  const SEND = `function send(message) {
     try { MailApp.sendEmail(message); return 'sent'; } catch (e) { return String(e); }
   }`;
  const addresses = (n: number, domain = 'x.com') =>
    Array.from({ length: n }, (_, i) => `p${i}@${domain}`).join(', ');

  it('refuses more than 50 recipients in one message, to, cc and bcc counted together', () => {
    const env = createGasEnvironment({ mailQuota: 1000 });
    const gas = load(env, SEND);
    const tooMany = `Exception: ${TOO_MANY_RECIPIENTS_MESSAGE}`;
    const message = (to: number, cc: number, bcc: number) => ({
      to: addresses(to),
      cc: addresses(cc, 'y.com'),
      bcc: addresses(bcc, 'z.com'),
      subject: 'S',
      body: 'B',
    });
    expect(gas.send(message(20, 20, 10))).toBe('sent');
    expect(gas.send(message(20, 20, 11))).toBe(tooMany);
    expect(gas.send(message(51, 0, 0))).toBe(tooMany);
    expect(env.mail.sent).toHaveLength(1);
    expect(env.mail.quota).toBe(950);
  });

  it('refuses a text or HTML body over 200 KB of UTF-8 (400 KB on Workspace)', () => {
    const consumer = createGasEnvironment();
    const gas = load(consumer, SEND);
    const limit = 200 * 1024;
    const tooBig = `Exception: ${BODY_SIZE_MESSAGE}`;
    expect(gas.send({ to: 'a@x.com', subject: 'S', body: 'a'.repeat(limit) })).toBe('sent');
    expect(gas.send({ to: 'a@x.com', subject: 'S', body: 'a'.repeat(limit + 1) })).toBe(tooBig);
    // 70,000 characters, but 210,000 bytes: the limit is in bytes.
    const html = 'ạ'.repeat(70_000);
    expect(gas.send({ to: 'a@x.com', subject: 'S', body: 'x', htmlBody: html })).toBe(tooBig);
    expect(consumer.mail.sent).toHaveLength(1);
    expect(consumer.mail.quota).toBe(99);

    const workspace = createGasEnvironment({ account: 'workspace' });
    const ws = load(workspace, SEND);
    expect(workspace.mail.getRemainingDailyQuota()).toBe(1500);
    expect(ws.send({ to: 'a@x.com', subject: 'S', body: 'x', htmlBody: html })).toBe('sent');
    expect(ws.send({ to: 'a@x.com', subject: 'S', body: 'a'.repeat(400 * 1024 + 1) })).toBe(tooBig);
  });

  it('killAfterSend(k): the k-th send goes out, then the run is dead until endExecution()', () => {
    const env = createGasEnvironment();
    env.spreadsheet.sheet('Sheet1').load([['to'], ['a@x.com'], ['b@x.com'], ['c@x.com']]);
    const gas = load(
      env,
      `function sendAll() {
         var sheet = SpreadsheetApp.getActiveSheet();
         var list = sheet.getRange(2, 1, 3, 1).getValues();
         var failed = [];
         for (var i = 0; i < list.length; i++) {
           try {
             MailApp.sendEmail(list[i][0], 'S', 'B');
             sheet.getRange(i + 2, 2).setValue('sent');
           } catch (e) {
             failed.push(e.message);
             try { sheet.getRange(i + 2, 2).setValue('failed'); } catch (e2) { failed.push(e2.message); }
           }
         }
         return failed;
       }`,
    );
    env.mail.killAfterSend(2);
    expect(gas.sendAll()).toEqual([
      CUT_OFF_MESSAGE,
      CUT_OFF_MESSAGE,
      CUT_OFF_MESSAGE,
      CUT_OFF_MESSAGE,
    ]);
    expect(env.mail.sent.map((m) => m.to)).toEqual(['a@x.com', 'b@x.com']);
    expect(env.state.cutOff).toBe(true);
    // Killed right after the second send: its mark never reached the sheet.
    expect(env.spreadsheet.sheet('Sheet1').values('B2:B4')).toEqual([['sent'], [''], ['']]);

    env.endExecution();
    expect(gas.sendAll()).toEqual([]);
    expect(env.mail.sent).toHaveLength(5);
    expect(() => env.mail.killAfterSend(0)).toThrow('positive integer');
  });
});

describe('latency model', () => {
  it('is off by default: calls take no time', () => {
    const env = createGasEnvironment({ now: new Date('2025-01-01T00:00:00Z') });
    const gas = load(
      env,
      `function run() {
         SpreadsheetApp.getActiveSheet().getRange('A1:Z1000').getValues();
         MailApp.sendEmail('a@x.com', 'S', 'B');
       }`,
    );
    gas.run();
    expect(env.now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(env.modelledMs()).toBe(0);
  });

  it('charges calls, cells, mails, properties and locks to the clock the script sees', () => {
    const env = createGasEnvironment({ now: new Date('2025-01-01T00:00:00Z'), latency: true });
    const gas = load(
      env,
      `function run() {
         var t0 = Date.now();
         var sheet = SpreadsheetApp.getActiveSheet();                        // 50
         var values = sheet.getRange(1, 1, 1000, 10).getValues();           // 50 + 50 + 10,000 x 2 µs
         sheet.getRange('A1').setBackground('#ff0000');                      // 50 + 50
         var lock = LockService.getScriptLock();                             // 20
         lock.tryLock(1000);                                                 // 20
         PropertiesService.getScriptProperties().setProperty('k', 'v');      // 20 + 20
         MailApp.sendEmail('a@x.com', 'S', 'B');                             // 400
         Session.getActiveUser();                                            // 0
         lock.releaseLock();                                                 // 20
         return Date.now() - t0;
       }`,
    );
    expect(gas.run()).toBe(50 + 120 + 100 + 40 + 40 + 400 + 20);
    expect(env.modelledMs()).toBe(770);
    env.endExecution();
    expect(env.modelledMs()).toBe(770);
    gas.run();
    expect(env.modelledMs()).toBe(770);
    expect(env.now().toISOString()).toBe('2025-01-01T00:00:01.540Z');
  });

  it('cuts a run off when its clock passes the limit, like the mail kill, until endExecution()', () => {
    const env = createGasEnvironment({ latency: { perCallMs: 1000, limitMs: 10_000 } });
    const gas = load(
      env,
      `function loop(n) {
         var done = 0;
         var errors = [];
         for (var i = 0; i < n; i++) {
           try { SpreadsheetApp.getActiveSheet().getRange(i + 1, 1).setValue(i); done++; }
           catch (e) { errors.push(e.message); }
         }
         return [done, errors.length, errors[0]];
       }`,
    );
    // 3 calls a row at 1 s: rows 1-3 take 9 s; the 11th call passes the limit.
    expect(gas.loop(20)).toEqual([3, 17, CUT_OFF_MESSAGE]);
    expect(env.state.cutOff).toBe(true);
    expect(env.spreadsheet.sheet('Sheet1').getLastRow()).toBe(3);
    expect(env.modelledMs()).toBe(11_000);
    env.endExecution();
    expect(gas.loop(2)).toEqual([2, 0, undefined]);
    expect(env.modelledMs()).toBe(6_000);

    // Turned off, nothing is charged any more.
    env.endExecution();
    env.setLatency(false);
    expect(gas.loop(20)[0]).toBe(20);
    expect(env.modelledMs()).toBe(0);
  });
});

describe('ScriptApp, LockService, PropertiesService, HtmlService, Utilities', () => {
  it('creates and deletes triggers', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function install() {
         ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(7).inTimezone('Asia/Ho_Chi_Minh').create();
         ScriptApp.newTrigger('opened').forSpreadsheet(SpreadsheetApp.getActive()).onOpen().create();
         return ScriptApp.getProjectTriggers().length;
       }
       function uninstall(name) {
         ScriptApp.getProjectTriggers().forEach(function (t) {
           if (t.getHandlerFunction() === name) ScriptApp.deleteTrigger(t);
         });
       }`,
    );
    expect(gas.install()).toBe(2);
    expect(env.triggers.map((t) => [t.handler, t.eventType])).toEqual([
      ['daily', 'CLOCK'],
      ['opened', 'ON_OPEN'],
    ]);
    expect(env.triggers[0]?.schedule).toEqual({
      everyDays: 1,
      atHour: 7,
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    gas.uninstall('daily');
    expect(env.triggers.map((t) => t.handler)).toEqual(['opened']);
  });

  it('lets a test hold the lock to simulate a concurrent run', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function guarded() {
         var lock = LockService.getScriptLock();
         if (!lock.tryLock(1000)) return 'busy';
         PropertiesService.getScriptProperties().setProperty('runs', 1);
         lock.releaseLock();
         return 'ran';
       }`,
    );
    env.locks.hold('script');
    expect(gas.guarded()).toBe('busy');
    env.locks.release('script');
    expect(gas.guarded()).toBe('ran');
    expect(env.properties.script.getProperties()).toEqual({ runs: '1' });
  });

  it('evaluates templates and records dialogs and alerts', () => {
    const env = createGasEnvironment();
    env.ui.answerAlerts('NO');
    const gas = load(
      env,
      `function show() {
         var t = HtmlService.createTemplate('<p><?= name ?></p><? for (var i = 0; i < 2; i++) { ?>*<? } ?>');
         t.name = '<b>';
         var ui = SpreadsheetApp.getUi();
         ui.showModalDialog(t.evaluate().setWidth(300), 'Hello');
         return ui.alert('Sure?', 'Really?', ui.ButtonSet.YES_NO) === ui.Button.NO;
       }`,
    );
    expect(gas.show()).toBe(true);
    expect(env.ui.dialogs).toEqual([
      { kind: 'modal', title: 'Hello', html: '<p>&#60;b&#62;</p>**', width: 300, height: null },
    ]);
    expect(env.ui.alerts[0]).toMatchObject({ title: 'Sure?', prompt: 'Really?', response: 'NO' });
  });

  it('formats dates in the requested zone', () => {
    const env = createGasEnvironment({ now: new Date('2024-01-31T20:05:09Z') });
    const gas = load(
      env,
      `function stamp() {
         return Utilities.formatDate(new Date(), Session.getScriptTimeZone(), "EEE dd/MM/yyyy HH:mm:ss 'GMT'Z");
       }`,
    );
    expect(gas.stamp()).toBe('Thu 01/02/2024 03:05:09 GMT+0700');
  });
});

describe('clock', () => {
  it('drives new Date() and Date.now() in the vm, and Dates from the fakes are Dates there', () => {
    const env = createGasEnvironment({ now: new Date('2024-05-01T00:00:00Z') });
    env.spreadsheet.sheet('Sheet1').load([[new Date('2020-01-02T00:00:00Z')]]);
    const gas = load(
      env,
      `function now() { return [new Date().toISOString(), Date.now(), new Date(0).getTime()]; }
       function cell() {
         var v = SpreadsheetApp.getActiveSheet().getRange('A1').getValue();
         return [v instanceof Date, v.getTime()];
       }
       function write() { SpreadsheetApp.getActiveSheet().getRange('B1').setValue(new Date()); }`,
    );
    expect(gas.now()).toEqual(['2024-05-01T00:00:00.000Z', Date.parse('2024-05-01T00:00:00Z'), 0]);
    env.setNow(new Date('2024-06-15T08:30:00Z'));
    expect(gas.now()[0]).toBe('2024-06-15T08:30:00.000Z');
    expect(gas.cell()).toEqual([true, Date.parse('2020-01-02T00:00:00Z')]);
    gas.write();
    expect(env.spreadsheet.sheet('Sheet1').values('B1')).toEqual([
      [new Date('2024-06-15T08:30:00Z')],
    ]);
    expect(new env.Date().getTime()).toBe(Date.parse('2024-06-15T08:30:00Z'));
  });
});

describe('Drive v3 and Sheets v4 advanced services under drive.file', () => {
  const NOW = new Date('2024-03-01T02:00:00Z');
  const SHEET = 'Danh sách';
  const LIST_SPREADSHEETS = {
    q: "mimeType='application/vnd.google-apps.spreadsheet' and trashed=false",
    fields: 'nextPageToken,files(id,modifiedTime)',
    pageSize: 1000,
  };

  /** The unit-file calls as the product makes them, inline in the vm. */
  function unitScripts(env: GasEnvironment) {
    return load(
      env,
      `function createUnitFile(title) {
         return Sheets.Spreadsheets.create({
           properties: { title: title, locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' },
           sheets: [{
             properties: {
               sheetId: 0,
               title: 'Danh sách',
               gridProperties: { rowCount: 201, columnCount: 14, frozenRowCount: 1 },
             },
             data: [{
               startRow: 0,
               startColumn: 0,
               rowData: [{ values: ['Họ và tên', 'Tuổi', 'Ngày sinh', 'Đoàn viên', 'Điểm'].map(function (h) {
                 return { userEnteredValue: { stringValue: h }, userEnteredFormat: { textFormat: { bold: true } } };
               }) }],
             }],
           }],
         });
       }
       function listFiles(args) { return Drive.Files.list(args); }
       function getFile(id, args) { return Drive.Files.get(id, args); }
       function values(id, range, args) { return Sheets.Spreadsheets.Values.get(id, range, args); }
       function update(id, requests) { return Sheets.Spreadsheets.batchUpdate({ requests: requests }, id); }
       function share(id, email, args) {
         return Drive.Permissions.create({ role: 'writer', type: 'user', emailAddress: email }, id, args);
       }
       function shareAnyone(id) { return Drive.Permissions.create({ role: 'reader', type: 'anyone' }, id); }
       function permissions(id, args) { return Drive.Permissions.list(id, args); }
       function unshare(id, permissionId) { return Drive.Permissions.remove(id, permissionId); }
       function attempt(fn) {
         try { fn(); return 'no error'; } catch (e) { return [e instanceof Error, String(e)]; }
       }
       function failures(id) {
         return [
           attempt(function () { Sheets.Spreadsheets.Values.get(id, "'Danh sách'"); }),
           attempt(function () { Sheets.Spreadsheets.batchUpdate({ requests: [{ updateSheetProperties: {} }] }, id); }),
           attempt(function () { Drive.Permissions.create({ role: 'writer', type: 'user', emailAddress: 'a@x.vn' }, id); }),
           attempt(function () { Drive.Permissions.list(id); }),
           attempt(function () { Drive.Permissions.remove(id, 'perm-1'); }),
           attempt(function () { Drive.Files.get(id, { fields: 'id' }); }),
         ];
       }
       function makePdf() {
         var blob = Utilities.newBlob('<p>x</p>', 'text/html', 'r.html').getAs('application/pdf');
         return Drive.Files.create({ name: 'r.pdf', mimeType: 'application/pdf' }, blob, { fields: 'id' });
       }`,
    );
  }

  /** A date typed into a cell: midnight in Vietnam. */
  const typed = (iso: string) => new Date(`${iso}T00:00:00+07:00`);

  it('creates a spreadsheet that is a Drive file owned by the effective user, listed with its modifiedTime', () => {
    const env = createGasEnvironment({ now: NOW });
    const gas = unitScripts(env);
    const created = gas.createUnitFile('Chi bộ 1');
    const id: string = created.spreadsheetId;
    expect(created).toEqual({
      spreadsheetId: id,
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${id}/edit`,
      properties: { title: 'Chi bộ 1', locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' },
      sheets: [
        {
          properties: {
            sheetId: 0,
            title: SHEET,
            index: 0,
            sheetType: 'GRID',
            gridProperties: { rowCount: 201, columnCount: 14, frozenRowCount: 1 },
          },
        },
      ],
    });
    expect(env.sheetsApi.spreadsheetIds()).toEqual([id]);
    expect(env.sheetsApi.valuesOf(id, SHEET)).toEqual([
      ['Họ và tên', 'Tuổi', 'Ngày sinh', 'Đoàn viên', 'Điểm'],
    ]);
    expect(env.drive.file(id)).toMatchObject({
      name: 'Chi bộ 1',
      mimeType: 'application/vnd.google-apps.spreadsheet',
      owner: 'owner@example.com',
      createdTime: '2024-03-01T02:00:00.000Z',
      modifiedTime: '2024-03-01T02:00:00.000Z',
      trashed: false,
    });

    // A PDF made through Files.create shares the id space, and not the spreadsheet filter.
    const pdf = gas.makePdf();
    expect(pdf).toEqual({ id: expect.any(String) });
    expect(pdf.id).not.toBe(id);
    expect(gas.listFiles(LIST_SPREADSHEETS)).toEqual({
      files: [{ id, modifiedTime: '2024-03-01T02:00:00.000Z' }],
    });
    // Without `fields` Drive returns its default subset: no modifiedTime.
    expect(gas.listFiles({})).toEqual({
      kind: 'drive#fileList',
      incompleteSearch: false,
      files: [
        {
          kind: 'drive#file',
          id,
          name: 'Chi bộ 1',
          mimeType: 'application/vnd.google-apps.spreadsheet',
        },
        { kind: 'drive#file', id: pdf.id, name: 'r.pdf', mimeType: 'application/pdf' },
      ],
    });
    expect(gas.getFile(id, { fields: 'id,name,mimeType,modifiedTime' })).toEqual({
      id,
      name: 'Chi bộ 1',
      mimeType: 'application/vnd.google-apps.spreadsheet',
      modifiedTime: '2024-03-01T02:00:00.000Z',
    });
    expect(env.drive.file(pdf.id)?.owner).toBe('owner@example.com');
    // Unknown q terms are ignored, not refused.
    expect(
      gas.listFiles({ q: "name contains 'Chi' and trashed = false", fields: 'files(id)' }),
    ).toEqual({ files: [{ id }, { id: pdf.id }] });
  });

  it('renders values.get as the API does: formatted, unformatted with serial or formatted dates, formulas', () => {
    const env = createGasEnvironment({ now: NOW });
    const gas = unitScripts(env);
    const id: string = gas.createUnitFile('Chi bộ 1').spreadsheetId;
    env.sheetsApi.typeInto(id, SHEET, [
      ['An', 20, typed('2004-02-14'), true, 1.5],
      // A Date made in the bundle's realm is a date too (17:00 UTC is midnight in Vietnam).
      ['Bình', '', new env.Date('2005-12-31T17:00:00Z'), false, '=B2*2'],
    ]);

    expect(gas.values(id, `'${SHEET}'`)).toEqual({
      range: `'${SHEET}'!A1:N201`,
      majorDimension: 'ROWS',
      values: [
        ['Họ và tên', 'Tuổi', 'Ngày sinh', 'Đoàn viên', 'Điểm'],
        ['An', '20', '14/02/2004', 'TRUE', '1,5'],
        ['Bình', '', '01/01/2006', 'FALSE', ''],
      ],
    });
    const serial = gas.values(id, `'${SHEET}'!A2:E3`, {
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    });
    // 14/02/2004 is day 38031 after 30/12/1899; 01/01/2006 day 38718 (the Vietnam calendar day).
    expect(serial).toEqual({
      range: `'${SHEET}'!A2:E3`,
      majorDimension: 'ROWS',
      values: [
        ['An', 20, 38031, true, 1.5],
        ['Bình', '', 38718, false, ''],
      ],
    });
    // SERIAL_NUMBER is the default dateTimeRenderOption.
    expect(
      gas.values(id, `'${SHEET}'!C2`, { valueRenderOption: 'UNFORMATTED_VALUE' }).values,
    ).toEqual([[38031]]);
    expect(
      gas.values(id, `'${SHEET}'!A2:E2`, {
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'FORMATTED_STRING',
      }).values,
    ).toEqual([['An', 20, '14/02/2004', true, 1.5]]);
    expect(gas.values(id, `'${SHEET}'!A3:E3`, { valueRenderOption: 'FORMULA' }).values).toEqual([
      ['Bình', '', 38718, false, '=B2*2'],
    ]);
    expect(env.sheetsApi.valuesOf(id, SHEET)[2]).toEqual([
      'Bình',
      '',
      new Date('2005-12-31T17:00:00Z'),
      false,
      '=B2*2',
    ]);
  });

  it('omits trailing empty cells and rows, keeps blank rows inside, and leaves out values when empty', () => {
    const env = createGasEnvironment({ now: NOW });
    const gas = unitScripts(env);
    const id: string = gas.createUnitFile('Chi bộ 1').spreadsheetId;
    env.sheetsApi.typeInto(id, SHEET, [
      ['An', '', '', ''],
      ['', '', '', ''],
      ['', 'x', '', null],
      ['', '', '', ''],
    ]);
    expect(gas.values(id, `'${SHEET}'!A2:N`)).toEqual({
      range: `'${SHEET}'!A2:N201`,
      majorDimension: 'ROWS',
      values: [['An'], [], ['', 'x']],
    });
    expect(gas.values(id, `'${SHEET}'!A2:N`, { majorDimension: 'COLUMNS' }).values).toEqual([
      ['An'],
      ['', '', 'x'],
    ]);
    expect(gas.values(id, `'${SHEET}'!F1:N201`)).toEqual({
      range: `'${SHEET}'!F1:N201`,
      majorDimension: 'ROWS',
    });
    expect(gas.attempt(() => gas.values(id, `'${SHEET}'!A1:A300`))).toEqual([
      true,
      `GoogleJsonResponseException: API call to sheets.spreadsheets.values.get failed with error: Range ('${SHEET}'!A1:A300) exceeds grid limits. Max rows: 201, max columns: 14`,
    ]);
    expect(gas.attempt(() => gas.values(id, "'Không có'!A1"))).toEqual([
      true,
      "GoogleJsonResponseException: API call to sheets.spreadsheets.values.get failed with error: Unable to parse range: 'Không có'!A1",
    ]);
  });

  it('refuses ids the script did not create, the bound spreadsheet included, and files of another user', () => {
    const env = createGasEnvironment({ now: NOW });
    const gas = unitScripts(env);
    const sheetsError = (method: string) =>
      `GoogleJsonResponseException: API call to sheets.spreadsheets.${method} failed with error: Requested entity was not found.`;
    const driveError = (method: string, id: string) =>
      `GoogleJsonResponseException: API call to drive.${method} failed with error: File not found: ${id}.`;
    for (const id of ['fake-spreadsheet-id', 'someone-elses-file']) {
      const fileGet =
        id === 'fake-spreadsheet-id' ? 'no error' : [true, driveError('files.get', id)];
      expect(gas.failures(id)).toEqual([
        [true, sheetsError('values.get')],
        [true, sheetsError('batchUpdate')],
        [true, driveError('permissions.create', id)],
        [true, driveError('permissions.list', id)],
        [true, driveError('permissions.delete', id)],
        fileGet,
      ]);
    }

    // drive.file is per user: an officer running the script does not see the owner's files,
    // even once shared with them, until they open the file with the app.
    const id: string = gas.createUnitFile('Chi bộ 1').spreadsheetId;
    gas.share(id, 'officer@example.com', { sendNotificationEmail: false });
    env.actAs('officer@example.com');
    expect(gas.listFiles(LIST_SPREADSHEETS)).toEqual({ files: [] });
    expect(gas.failures(id)[0]).toEqual([true, sheetsError('values.get')]);
    env.drive.openWithApp(id, 'officer@example.com');
    expect(gas.listFiles(LIST_SPREADSHEETS).files).toEqual([
      { id, modifiedTime: expect.any(String) },
    ]);
    expect(gas.values(id, `'${SHEET}'!A1`).values).toEqual([['Họ và tên']]);
  });

  it('shares with Permissions.create / list / remove, one permission per grantee, the owner kept', () => {
    const env = createGasEnvironment({ now: NOW });
    const gas = unitScripts(env);
    const id: string = gas.createUnitFile('Chi bộ 1').spreadsheetId;
    const FIELDS = { fields: 'permissions(id,role,type,emailAddress)' };
    const owner = gas.permissions(id, FIELDS).permissions[0];
    expect(owner).toEqual({
      id: expect.any(String),
      role: 'owner',
      type: 'user',
      emailAddress: 'owner@example.com',
    });

    const officer = gas.share(id, 'Officer@Example.com', { sendNotificationEmail: true });
    expect(officer).toEqual({
      kind: 'drive#permission',
      id: expect.any(String),
      type: 'user',
      role: 'writer',
      emailAddress: 'officer@example.com',
    });
    // The same address again: the same permission, not a second one.
    expect(gas.share(id, 'officer@example.com', { fields: 'id,role' })).toEqual({
      id: officer.id,
      role: 'writer',
    });
    const link = gas.shareAnyone(id);
    expect(link.id).toBe('anyoneWithLink');
    expect(gas.permissions(id, FIELDS).permissions).toEqual([
      owner,
      { id: officer.id, role: 'writer', type: 'user', emailAddress: 'officer@example.com' },
      { id: 'anyoneWithLink', role: 'reader', type: 'anyone' },
    ]);
    expect(env.drive.permissionsOf(id).map((p) => [p.role, p.notified])).toEqual([
      ['owner', false],
      ['writer', true],
      ['reader', false],
    ]);

    expect(gas.unshare(id, 'anyoneWithLink')).toBeUndefined();
    expect(gas.attempt(() => gas.unshare(id, owner.id))).toEqual([
      true,
      'GoogleJsonResponseException: API call to drive.permissions.delete failed with error: The authenticated user cannot delete the permission.',
    ]);
    expect(gas.attempt(() => gas.unshare(id, 'anyoneWithLink'))).toEqual([
      true,
      'GoogleJsonResponseException: API call to drive.permissions.delete failed with error: Permission not found: anyoneWithLink.',
    ]);
    expect(env.drive.permissionsOf(id).map((p) => p.emailAddress)).toEqual([
      'owner@example.com',
      'officer@example.com',
    ]);
    // The grantee's id is the same on every file.
    const other: string = gas.createUnitFile('Chi bộ 2').spreadsheetId;
    expect(gas.share(other, 'officer@example.com', { sendNotificationEmail: false }).id).toBe(
      officer.id,
    );
  });

  it('pages Files.list with an opaque token, pageSize 1 to 1000, trashed files only when asked', () => {
    const env = createGasEnvironment({ now: NOW });
    const gas = unitScripts(env);
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) ids.push(gas.createUnitFile(`Chi bộ ${i}`).spreadsheetId);
    const seen: string[] = [];
    const tokens: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = gas.listFiles({
        ...LIST_SPREADSHEETS,
        pageSize: 2,
        ...(pageToken ? { pageToken } : {}),
      });
      seen.push(...page.files.map((f: { id: string }) => f.id));
      pageToken = page.nextPageToken;
      if (pageToken) tokens.push(pageToken);
    } while (pageToken);
    expect(seen).toEqual(ids);
    expect(tokens).toHaveLength(2);
    expect(tokens.every((t) => !/^\d+$/.test(t))).toBe(true);

    expect(gas.attempt(() => gas.listFiles({ pageSize: 1001 }))).toEqual([
      true,
      "GoogleJsonResponseException: API call to drive.files.list failed with error: Invalid value '1001'. Values must be within the range: [1, 1000]",
    ]);
    expect(gas.listFiles({ fields: 'files(id)' }).files).toHaveLength(5);

    env.drive.trash(ids[1] as string);
    expect(gas.listFiles(LIST_SPREADSHEETS).files.map((f: { id: string }) => f.id)).toEqual([
      ids[0],
      ids[2],
      ids[3],
      ids[4],
    ]);
    // files.list returns trashed files unless asked not to.
    expect(gas.listFiles({ fields: 'files(id,trashed)' }).files).toContainEqual({
      id: ids[1],
      trashed: true,
    });
    expect(gas.listFiles({ q: 'trashed = true', fields: 'files(id)' }).files).toEqual([
      { id: ids[1] },
    ]);
    expect(
      gas
        .listFiles({ orderBy: 'name desc', fields: 'files(name)', pageSize: 2 })
        .files.map((f: { name: string }) => f.name),
    ).toEqual(['Chi bộ 5', 'Chi bộ 4']);
  });

  it('moves modifiedTime when an officer types or the script updates; batchUpdate is all or nothing', () => {
    const env = createGasEnvironment({ now: NOW });
    const gas = unitScripts(env);
    const id: string = gas.createUnitFile('Chi bộ 1').spreadsheetId;
    const modified = () => gas.listFiles(LIST_SPREADSHEETS).files[0].modifiedTime;
    expect(modified()).toBe('2024-03-01T02:00:00.000Z');

    env.advanceTime(3_600_000);
    env.sheetsApi.typeInto(id, SHEET, [['An', 20]]);
    expect(modified()).toBe('2024-03-01T03:00:00.000Z');
    expect(env.drive.file(id)?.modifiedTime).toBe('2024-03-01T03:00:00.000Z');
    // Another change while the fake clock stands still still shows as a later modifiedTime.
    env.sheetsApi.typeInto(id, SHEET, [['Bình']], 3);
    expect(modified()).toBe('2024-03-01T03:00:00.001Z');

    const range = {
      sheetId: 0,
      startRowIndex: 1,
      endRowIndex: 201,
      startColumnIndex: 2,
      endColumnIndex: 3,
    };
    const requests = [
      {
        repeatCell: {
          range,
          cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'dd/mm/yyyy' } } },
          fields: 'userEnteredFormat.numberFormat',
        },
      },
      {
        setDataValidation: { range, rule: { condition: { type: 'DATE_IS_VALID' }, strict: false } },
      },
      {
        updateSheetProperties: {
          properties: { sheetId: 0, gridProperties: { frozenRowCount: 2 } },
          fields: 'gridProperties.frozenRowCount',
        },
      },
    ];
    env.advanceTime(60_000);
    expect(gas.update(id, requests)).toEqual({ spreadsheetId: id, replies: [{}, {}, {}] });
    expect(modified()).toBe('2024-03-01T03:01:00.000Z');
    expect(env.sheetsApi.requestsOf(id)).toEqual(requests);
    expect(env.sheetsApi.validationsOf(id, SHEET)).toEqual([
      { range, rule: { condition: { type: 'DATE_IS_VALID' }, strict: false } },
    ]);
    expect(env.sheetsApi.spreadsheet(id).sheets[0]?.frozenRowCount).toBe(2);

    env.advanceTime(60_000);
    expect(
      gas.attempt(() =>
        gas.update(id, [requests[1], { setDataValidation: { range: { ...range, sheetId: 7 } } }]),
      ),
    ).toEqual([
      true,
      'GoogleJsonResponseException: API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[1].setDataValidation: No grid with id: 7',
    ]);
    expect(env.sheetsApi.requestsOf(id)).toHaveLength(3);
    expect(env.sheetsApi.validationsOf(id, SHEET)).toHaveLength(1);
    expect(modified()).toBe('2024-03-01T03:01:00.000Z');
  });

  it('records Drive and Sheets calls under their services and charges them in the latency model', () => {
    const env = createGasEnvironment({ now: NOW, latency: true });
    const gas = unitScripts(env);
    const id: string = gas.createUnitFile('Chi bộ 1').spreadsheetId; // Sheets 1
    gas.values(id, `'${SHEET}'`); // Sheets 2
    gas.listFiles(LIST_SPREADSHEETS); // Drive 1
    gas.permissions(id); // Drive 2
    expect(env.countCalls('Sheets')).toBe(2);
    expect(env.countCalls('Drive')).toBe(2);
    expect(env.calls.map((c) => `${c.service}.${c.method}`)).toEqual([
      'Sheets.create',
      'Sheets.get',
      'Drive.list',
      'Drive.list',
    ]);
    expect(env.modelledMs()).toBe(4 * 150);
    env.endExecution();
    env.setLatency({ perApiMs: 10 });
    gas.values(id, `'${SHEET}'`);
    expect(env.modelledMs()).toBe(10);
  });

  it('refuses a 61st read in a minute for one user, as the per-user quota does, and not after it', () => {
    const env = createGasEnvironment({ now: NOW });
    const gas = unitScripts(env);
    const id = String(gas.createUnitFile('Tệp').spreadsheetId);
    for (let i = 0; i < 60; i++) gas.values(id, `'${SHEET}'`);
    const refused = gas.attempt(() => gas.values(id, `'${SHEET}'`));
    expect(String(refused)).toMatch(/Quota exceeded .*Read requests per minute per user/);
    // Another user has a quota of their own; and a minute later the first may read again.
    env.actAs('khac@example.com');
    expect(() => env.sheetsApi.countRead('sheets.spreadsheets.values.get')).not.toThrow();
    env.actAs(env.spreadsheet.getOwner().getEmail());
    env.setNow(new Date(NOW.getTime() + 60_000));
    expect(() => gas.values(id, `'${SHEET}'`)).not.toThrow();
  });
});
