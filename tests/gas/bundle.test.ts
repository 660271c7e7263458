import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

const BUNDLE = join(__dirname, '..', '..', 'dist', 'Code.js');
const ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'setupWorkbook',
  'refreshDashboard',
  'checkEntries',
  'showHelp',
  'exportStandingReport',
  'startNewYear',
  'setupUnitFiles',
  'setupUnitRooms',
  'previewReminders',
  'sendRemindersNow',
  'installDailyTrigger',
  'removeDailyTrigger',
  'showReminderStatus',
  'runDailyReminders',
  'continueSetup',
  'sendTestReminder',
  'sendFiguresToHigher',
  'receiveLowerFigures',
  'PTDV_THUCHIEN',
  'PTDV_CHITIEU',
  'PTDV_TYLE',
  'PTDV_TONGHOP',
];

describe('dist/Code.js as Apps Script loads it', () => {
  const source = readFileSync(BUNDLE, 'utf8');

  test('loads in a bare context with no Node globals, and every entry point is a global function', () => {
    const context = vm.createContext({});
    vm.runInContext(source, context, { filename: 'Code.js' });
    for (const name of ENTRY_POINTS) expect(typeof context[name]).toBe('function');
  });

  test('entry points are top-level function declarations, not properties set on a global', () => {
    for (const name of ENTRY_POINTS)
      expect(source).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    expect(source).not.toMatch(/globalThis\.\w+\s*=/);
  });

  test('names no Node global and has no module syntax', () => {
    expect(source).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\b/);
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
  });

  test('ships the manifest with least-privilege scopes', () => {
    const manifest = JSON.parse(readFileSync(join(BUNDLE, '..', 'appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({
      timeZone: 'Asia/Ho_Chi_Minh',
      runtimeVersion: 'V8',
      exceptionLogging: 'STACKDRIVER',
    });
    // Exactly these: a new scope is a decision, made here and explained in docs/en/deploy.md.
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/drive.file',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    // The report's PDF and the units' own files go through the Drive and Sheets advanced
    // services, which drive.file covers for files the script created.
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
      { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
    ]);
    for (const scope of manifest.oauthScopes as string[]) {
      expect(scope).not.toMatch(/\/auth\/(gmail|drive|spreadsheets)$|mail\.google\.com/);
    }
  });
});

test('custom functions keep their @customfunction JSDoc right above them in the bundle', () => {
  const source = readFileSync(BUNDLE, 'utf8');
  for (const name of ['PTDV_THUCHIEN', 'PTDV_CHITIEU', 'PTDV_TYLE', 'PTDV_TONGHOP']) {
    expect(source).toMatch(new RegExp(`@customfunction\\n \\*/\\nfunction ${name}\\(`));
  }
});
