// Granular consent: a user who unticks "send email as you" when authorizing meets Vietnamese
// words saying what it is for and how to grant it, never Google's English, and nothing is sent
// or logged as sent. On the built bundle.
import { sheetWithAddresses } from './helpers';

const ALL_BUT_MAIL = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/drive.file',
];

function withoutMail() {
  const { env, gas } = sheetWithAddresses(new Date('2024-05-12T01:00:00Z'));
  env.endExecution();
  env.state.grantedScopes = ALL_BUT_MAIL;
  return { env, gas };
}

const MAIL = 'https://www.googleapis.com/auth/script.send_mail';
const english = /You do not have permission|Required permissions|Exception/;

test('the daily run sends nothing, logs why in Vietnamese, and the next person to open is told', () => {
  const { env, gas } = withoutMail();
  gas.runDailyReminders();
  env.endExecution();
  expect(env.mail.sent).toHaveLength(0);
  const log = env.spreadsheet.sheet('Nhật ký thư').values().slice(1);
  expect(log).toHaveLength(1);
  expect(log[0]?.[5]).toBe('lỗi');
  expect(String(log[0]?.[6])).toMatch(/^Chưa có quyền gửi thư/);
  expect(log.some((r) => r[5] === 'đã gửi')).toBe(false);
  gas.onOpen();
  expect(env.ui.toasts.at(-1)?.message).toMatch(/Chưa có quyền gửi thư/);
  expect(JSON.stringify(env.ui.toasts)).not.toMatch(english);
});

test('the menu items that send say so in Vietnamese and send nothing', () => {
  const { env, gas } = withoutMail();
  const before = env.ui.alerts.length;
  gas.sendRemindersNow();
  env.endExecution();
  gas.showReminderStatus();
  env.endExecution();
  gas.installDailyTrigger();
  env.endExecution();
  const texts = env.ui.alertTexts().slice(before);
  expect(texts).toHaveLength(3);
  for (const t of texts)
    expect(t).toMatch(/Chưa có quyền gửi thư.*myaccount\.google\.com\/permissions/s);
  expect(texts.join('\n')).not.toMatch(english);
  expect(() => gas.sendTestReminder('x')).not.toThrow(english);
  expect(env.mail.sent).toHaveLength(0);
});

test('the fake refuses as Google does, and tells which scopes were granted', () => {
  const { env, gas } = withoutMail();
  env.state.grantedScopes = ALL_BUT_MAIL;
  expect(() => env.mail.sendEmail('a@b.vn', 's', 'b')).toThrow(
    'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
  );
  const info = env.scriptApp.getAuthorizationInfo('FULL', [
    'https://www.googleapis.com/auth/script.send_mail',
    'https://www.googleapis.com/auth/drive.file',
  ]);
  expect(info.getAuthorizationStatus()).toBe('REQUIRED');
  expect(info.getAuthorizedScopes()).toEqual(['https://www.googleapis.com/auth/drive.file']);
  expect(gas).toBeDefined();
});

test('without the Drive permission, unit files and the PDF say so in Vietnamese; nothing is made', () => {
  const { env, gas } = sheetWithAddresses(new Date('2024-05-12T01:00:00Z'));
  env.endExecution();
  env.state.grantedScopes = [...ALL_BUT_MAIL.filter((s) => !s.endsWith('drive.file')), MAIL];
  gas.setupUnitFiles();
  expect(env.ui.alertTexts().at(-1)).toMatch(/^Chưa có quyền dùng Google Drive/);
  expect(env.spreadsheet.sheetNames()).not.toContain('Tệp đơn vị');
  env.endExecution();
  env.ui.answerPrompt('01/05/2024');
  gas.exportStandingReport();
  expect(JSON.stringify(env.ui.dialogs.at(-1))).toMatch(/Chưa có quyền dùng Google Drive/);
  expect(env.drive.Files.created).toHaveLength(0);
});
