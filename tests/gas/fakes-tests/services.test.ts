/**
 * Self-tests for the Apps Script fakes (call recording, MailApp, the latency model, ScriptApp, LockService, PropertiesService, HtmlService, Utilities and the clock): they must behave like the real services where
 * the bundle depends on it, and record calls faithfully. Scripts here are inline strings run in
 * the vm context, so these tests do not need dist/Code.js.
 */
import {
  BODY_SIZE_MESSAGE,
  createGasEnvironment,
  CUT_OFF_MESSAGE,
  isCutOffError,
  TOO_MANY_RECIPIENTS_MESSAGE,
} from '../fakes';
import { load } from './load';

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

  it('counts a property store in UTF-8 bytes: 9 KB a value, 500 KB a store, as Google refuses them', () => {
    const env = createGasEnvironment();
    const gas = load(
      env,
      `function put(key, value) {
         try { PropertiesService.getDocumentProperties().setProperty(key, value); return 'ok'; }
         catch (e) { return String(e.message); }
       }`,
    );
    // 4,000 Vietnamese letters are 4,000 characters but 12,000 bytes: too large for one value.
    expect(gas.put('v', 'ệ'.repeat(4_000))).toBe('Argument too large: value');
    expect(gas.put('v', 'ệ'.repeat(3_000))).toBe('ok');
    let i = 0;
    let answer = 'ok';
    while (answer === 'ok' && i < 100) answer = gas.put(`k${i++}`, 'ệ'.repeat(3_000));
    expect(answer).toMatch(/exceeded the property storage quota/);
    // With the first value (9,001 bytes), 55 more of about 9,002 fit under 512,000 bytes: the 56th not.
    expect(i).toBe(56);
    expect(env.properties.document.bytes()).toBeLessThanOrEqual(500 * 1024);
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
