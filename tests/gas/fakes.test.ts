/**
 * Self-tests for the Apps Script fakes: they must behave like the real services where the bundle
 * depends on it, and record calls faithfully. Scripts here are inline strings run in the vm
 * context, so these tests do not need dist/Code.js.
 */
import { createGasEnvironment, isCutOffError, runScript, type GasEnvironment } from './fakes';

function load(env: GasEnvironment, code: string) {
  return runScript(env, code, 'fakes-test.js');
}

describe('sheets', () => {
  it('setValues grows the grid and getLastRow/getLastColumn follow the content', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function write() {
         var sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Data');
         sheet.getRange(1001, 27, 2, 2).setValues([[1, 2], [3, 4]]);
         return [sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()];
       }`,
    );
    expect(gas.write()).toEqual([1002, 28, 1002, 28]);
    const sheet = env.spreadsheet.sheet('Data');
    expect(sheet.values('AA1001:AB1002')).toEqual([
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
