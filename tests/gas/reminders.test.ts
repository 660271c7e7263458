import {
  dayFromYmd,
  formatDmy,
  formatIso,
  instantOfDay,
  type Day,
} from '../../src/core/calendar/dates';
import { PLAN_145 } from '../../src/core/plan/plan145';
import { VIETNAM_HOLIDAYS_2024_2026 } from '../../src/core/calendar/holidays-vn';
import { personKey } from '../../src/core/counting/people';
import { syntheticPeople } from '../../src/local/synthetic';
import {
  sheetWithAddresses as preparedSheet,
  typeInBy as typeIn,
  visiblePeople,
  type Bundle,
} from './helpers';
import type { GasEnvironment } from './fakes';

const d = (y: number, m: number, day: number): Day => dayFromYmd(y, m, day) as Day;
const LOG = 'Nhật ký thư';

/** A run of the daily trigger at 07:00 Vietnam time on `day`. */
function runOn(env: GasEnvironment, gas: Bundle, day: Day, quota = 100): void {
  env.mail.quota = quota; // MailApp's quota starts afresh each day
  env.setNow(new Date(instantOfDay(day).getTime() + 7 * 3_600_000));
  typeIn(env, day);
  gas.runDailyReminders();
  env.endExecution();
}

interface LogRow {
  time: string;
  milestone: string;
  unit: string;
  to: string;
  lead: unknown;
  status: string;
  detail: string;
  key: string;
}

function logRows(env: GasEnvironment): LogRow[] {
  return env.spreadsheet
    .sheet(LOG)
    .values()
    .slice(1)
    .map(([time, milestone, unit, to, lead, status, detail, key]) => ({
      time: String(time),
      milestone: String(milestone),
      unit: String(unit),
      to: String(to),
      lead,
      status: String(status),
      detail: String(detail),
      key: String(key),
    }));
}

const sentKeys = (env: GasEnvironment) =>
  logRows(env)
    .filter((r) => r.status === 'đã gửi')
    .map((r) => r.key);

/** Whether a unit is short at a milestone on a day, counted independently of the product. */
function shortOn(unitCode: string, milestoneCode: string, day: Day): boolean {
  const unit = PLAN_145.units.find((u) => u.code === unitCode);
  const m = PLAN_145.milestones.find((x) => x.code === milestoneCode);
  const quota = unit && m ? unit.quotas[m.code] : undefined;
  if (!unit || !m || !quota) return false;
  const seen = visiblePeople(day).filter((p) => p.unit === unit.name);
  const actual =
    m.kind === 'class'
      ? seen.filter((p) => p.classCode === m.code).length
      : seen.filter(
          (p) => p.admitted !== null && p.admitted >= (m.from ?? 0) && p.admitted <= m.deadline,
        ).length;
  return actual < quota.min;
}

/** The rule of the issue: a key for each lead day on which the unit is short. */
function expectedReminders(): string[] {
  const keys: string[] = [];
  for (const unit of PLAN_145.units) {
    for (const m of PLAN_145.milestones) {
      for (const lead of m.leadDays) {
        if (shortOn(unit.code, m.code, m.deadline - lead)) {
          keys.push(`${unit.code}|${m.code}|${formatIso(m.deadline)}|${lead}`);
        }
      }
    }
  }
  return keys.sort();
}

describe('a simulated year: every day of 2024 through runDailyReminders', () => {
  const { env, gas } = preparedSheet();
  for (let day = d(2024, 1, 1); day <= d(2024, 12, 31); day++) runOn(env, gas, day);
  const rows = logRows(env);
  // Quota reminders here; files' reminders (`hs|…`) have their own simulation below.
  const unitRows = rows.filter((r) => !r.key.startsWith('digest|') && !r.key.startsWith('hs|'));
  const digests = rows.filter((r) => r.key.startsWith('digest|'));

  test('each unit gets exactly the reminders the rule gives, and no key twice', () => {
    const sent = unitRows.filter((r) => r.status === 'đã gửi').map((r) => r.key);
    expect(new Set(sent).size).toBe(sent.length);
    expect([...sent].sort()).toEqual(expectedReminders());
    expect(unitRows.filter((r) => r.status !== 'đã gửi')).toEqual([]);
  });

  test('the mails went to each unit and counted only figures', () => {
    const unitMails = env.mail.sent.filter(
      (m) => !m.to.includes('bantochuc@') && !m.subject.startsWith('[Nhắc việc] Hồ sơ'),
    );
    expect(unitMails).toHaveLength(unitRows.length);
    for (const m of unitMails) {
      expect(m.subject).toMatch(/^\[Nhắc việc\] .+ — (còn \d+ ngày|hạn là hôm nay)$/);
      expect(m.to).toMatch(/^[a-z0-9-]+@example\.com$/);
      expect(m.body + m.htmlBody).not.toMatch(/Mẫu \d{4}/);
    }
  });

  test('one digest per day at most, to the Board, on days with reminders or newly passed deadlines', () => {
    const days = digests.map((r) => r.key);
    expect(new Set(days).size).toBe(days.length);
    expect(digests.every((r) => r.to === 'bantochuc@example.com' && r.status === 'đã gửi')).toBe(
      true,
    );
    const reminderDays = new Set(unitRows.map((r) => r.time.slice(0, 10)));
    for (const day of reminderDays) expect(digests.some((r) => r.time.startsWith(day))).toBe(true);
    console.log(
      `Simulated 2024: ${unitRows.length} unit reminders sent, ${digests.length} digests, ` +
        `${rows.filter((r) => r.status === 'hoãn').length} deferred, ${env.mail.sent.length} mails in all.`,
    );
  });
});

describe('runs that go wrong', () => {
  const may12 = d(2024, 5, 12);

  test('slow sends: the run stops at 4.5 minutes, logs all it did, the next run sends the rest once', () => {
    const { env, gas } = preparedSheet();
    // Each message takes a minute (a slow mail service): the run must stop before Apps Script's
    // 6-minute limit kills it, or its log would be lost.
    const send = env.mail.sendEmail.bind(env.mail);
    env.mail.sendEmail = (...args: unknown[]) => {
      env.advanceTime(60_000);
      send(...args);
    };
    env.setNow(new Date(instantOfDay(may12).getTime() + 7 * 3_600_000));
    typeIn(env, may12);
    env.resetCalls();
    gas.runDailyReminders();
    env.endExecution();
    const first = logRows(env);
    expect(sentKeys(env)).toHaveLength(5);
    expect(env.mail.sent).toHaveLength(5);
    const deferred = first.filter((r) => r.status === 'hoãn');
    expect(deferred.length).toBeGreaterThan(0);
    expect(deferred[0]?.detail).toContain('hết 4,5 phút');
    // The whole run's log is one block: one setValues, however many messages.
    expect(env.calls.filter((c) => c.method === 'setValues')).toHaveLength(1);
    gas.runDailyReminders();
    env.endExecution();
    gas.runDailyReminders();
    env.endExecution();
    const keys = sentKeys(env);
    expect(new Set(keys).size).toBe(keys.length);
    expect(env.mail.sent).toHaveLength(keys.length);
    for (const r of deferred) expect(keys).toContain(r.key);
  });

  test('a run killed mid-way is announced to the next person who opens the sheet', () => {
    const { env, gas } = preparedSheet();
    env.mail.failAfter(2);
    env.setNow(new Date(instantOfDay(may12).getTime() + 7 * 3_600_000));
    typeIn(env, may12);
    expect(() => gas.runDailyReminders()).toThrow();
    env.endExecution();
    // Killed mid-run, it never reached its own error handling: the next person to open is told.
    env.advanceTime(8 * 60_000);
    gas.onOpen();
    expect(env.ui.toasts.at(-1)?.message).toMatch(
      /^Lần chạy nhắc việc lúc 12\/05\/2024 07:00 không hoàn tất/,
    );
    gas.runDailyReminders();
    env.endExecution();
    const keys = sentKeys(env);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThan(4);
  });

  test('a daily quota of 5 defers the rest, which go out on later runs', () => {
    const { env, gas } = preparedSheet();
    for (let day = d(2024, 3, 1); day <= d(2024, 5, 31); day++) {
      runOn(env, gas, day, 5);
    }
    const rows = logRows(env);
    const deferred = rows.filter((r) => r.status === 'hoãn');
    expect(deferred.length).toBeGreaterThan(0);
    expect(deferred[0]?.detail).toContain('Hết hạn mức gửi thư');
    // Every deferred reminder goes out on a later run — the same key, or the newer lead day's
    // reminder if one has come meanwhile — unless the unit has met its minimum by the next run
    // or the deadline has passed (then the Board's digest lists it).
    for (const r of deferred.filter((x) => !x.key.startsWith('digest|'))) {
      const [unit = '', milestone = '', deadline = '', lead = ''] = r.key.split('|');
      const [dd, mm, yyyy] = r.time.slice(0, 10).split('/').map(Number) as [number, number, number];
      const next = d(yyyy, mm, dd) + 1;
      const deliveredLater = rows.some(
        (s, i) =>
          i > rows.indexOf(r) &&
          s.status === 'đã gửi' &&
          s.key.startsWith(`${unit}|${milestone}|${deadline}|`) &&
          Number(s.key.split('|')[3]) <= Number(lead),
      );
      const noLongerDue = !shortOn(unit, milestone, next) || formatIso(next) > deadline;
      expect({ key: r.key, on: r.time, delivered: deliveredLater || noLongerDue }).toMatchObject({
        delivered: true,
      });
    }
    expect(deferred.filter((x) => !x.key.startsWith('digest|')).length).toBeGreaterThan(0);
    // A deferred digest is owed: a later run sends one, even on a day with no unit reminder.
    for (const r of deferred.filter((x) => x.key.startsWith('digest|'))) {
      const later = rows.some(
        (s, i) => i > rows.indexOf(r) && s.key.startsWith('digest|') && s.status === 'đã gửi',
      );
      expect({ key: r.key, later }).toEqual({ key: r.key, later: true });
    }
    console.log(
      `March-May 2024 at 5 recipients a day: ${rows.filter((r) => r.status === 'đã gửi').length} sent, ` +
        `${deferred.length} deferred (${new Set(deferred.map((r) => r.key)).size} distinct keys).`,
    );
    const sent = sentKeys(env);
    expect(new Set(sent).size).toBe(sent.length);
  });

  test('days the trigger missed are caught up once: only the most recent lead day', () => {
    const { env, gas } = preparedSheet();
    runOn(env, gas, d(2024, 5, 1));
    runOn(env, gas, d(2024, 5, 17));
    runOn(env, gas, d(2024, 5, 17));
    const hh1 = sentKeys(env).filter((k) => k.startsWith('THPT-HH1|KN-19-5'));
    expect(hh1).toEqual(['THPT-HH1|KN-19-5|2024-05-19|3']);
  });

  test('a run at 00:30 Vietnam time (17:30 UTC the day before) plans for the right day', () => {
    const { env, gas } = preparedSheet();
    typeIn(env, may12);
    env.setNow(new Date('2024-05-11T17:30:00Z'));
    gas.runDailyReminders();
    expect(sentKeys(env)).toContain('THPT-HH1|KN-19-5|2024-05-19|7');
    expect(sentKeys(env)).toContain('digest|2024-05-12');
  });

  test('a second run while one holds the lock leaves without sending', () => {
    const { env, gas } = preparedSheet();
    typeIn(env, may12);
    env.setNow(new Date(instantOfDay(may12).getTime() + 7 * 3_600_000));
    env.locks.hold('script');
    gas.runDailyReminders();
    expect(env.mail.sent).toEqual([]);
  });

  test('one failing address never stops the others; a malformed address is reported and not used', () => {
    const { env, gas } = preparedSheet();
    env.spreadsheet.sheet('Chỉ tiêu').load([['thpt-hh2@example.com, khong-phai-email']], 3, 6);
    env.mail.reject('thpt-hh1@example.com');
    runOn(env, gas, may12);
    const rows = logRows(env);
    expect(rows.find((r) => r.key.startsWith('THPT-HH1|'))).toMatchObject({ status: 'lỗi' });
    const hh2 = rows.find((r) => r.key.startsWith('THPT-HH2|'));
    expect(hh2).toMatchObject({ status: 'đã gửi', to: 'thpt-hh2@example.com' });
    expect(hh2?.detail).toContain('khong-phai-email');
    expect(rows.find((r) => r.key.startsWith('THPT-HH3|'))).toMatchObject({ status: 'đã gửi' });
    gas.checkEntries();
    const problems = env.spreadsheet.sheet('Kiểm tra').values();
    expect(
      problems.some((p) => p[4] === 'email_invalid' && String(p[5]).includes('khong-phai-email')),
    ).toBe(true);
  });

  test('dry run logs "thử" and sends nothing', () => {
    const { env, gas } = preparedSheet();
    const settings = env.spreadsheet.sheet('Cấu hình');
    settings.load([['Có']], settings.values().findIndex((r) => r[0] === 'Chạy thử') + 1, 2);
    runOn(env, gas, may12);
    expect(env.mail.sent).toEqual([]);
    const statuses = new Set(logRows(env).map((r) => r.status));
    expect([...statuses]).toEqual(['thử']);
  });

  test('a failed run is never silent: logged, and a toast the next time the sheet opens', () => {
    const { env, gas } = preparedSheet();
    env.spreadsheet.sheet('Mốc').load([['Hạn cuối']], 1, 6);
    env.setNow(new Date(instantOfDay(may12).getTime()));
    expect(() => gas.runDailyReminders()).toThrow(/Mốc/);
    env.endExecution();
    expect(logRows(env).at(-1)).toMatchObject({ status: 'lỗi', unit: 'Lần chạy nhắc việc' });
    gas.onOpen();
    expect(env.ui.toasts.at(-1)?.message).toMatch(
      /^Lần chạy nhắc việc lúc 12\/05\/2024 00:00 bị lỗi: .*Mốc/,
    );
  });
});

describe('trigger, menu, preview', () => {
  test('installing the daily trigger twice leaves one, at the hour of Cấu hình, Vietnam time', () => {
    const { env, gas } = preparedSheet();
    gas.installDailyTrigger();
    gas.installDailyTrigger();
    const triggers = env.triggers.filter((t) => t.handler === 'runDailyReminders');
    expect(triggers).toHaveLength(1);
    expect(triggers[0]?.schedule).toMatchObject({
      everyDays: 1,
      atHour: 7,
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    gas.showReminderStatus();
    expect(env.ui.alertTexts().at(-1)).toContain('ĐANG BẬT');
    expect(env.ui.alertTexts().at(-1)).toContain('owner@example.com');
    gas.removeDailyTrigger();
    expect(env.triggers.filter((t) => t.handler === 'runDailyReminders')).toHaveLength(0);
    gas.showReminderStatus();
    expect(env.ui.alertTexts().at(-1)).toContain('ĐANG TẮT');
  });

  test('the menu has the reminder items, each a global function of the bundle', () => {
    const { env, gas } = preparedSheet();
    gas.onOpen();
    const menu = JSON.stringify(env.ui.menu('Phát triển đảng viên'));
    for (const fn of [
      'previewReminders',
      'sendRemindersNow',
      'installDailyTrigger',
      'removeDailyTrigger',
      'showReminderStatus',
    ]) {
      expect(menu).toContain(fn);
      expect(typeof gas[fn]).toBe('function');
    }
  });

  test('send now asks first; "No" sends nothing', () => {
    const { env, gas } = preparedSheet();
    typeIn(env, d(2024, 5, 12));
    env.setNow(new Date(instantOfDay(d(2024, 5, 12)).getTime() + 9 * 3_600_000));
    env.ui.answerAlerts('NO');
    gas.sendRemindersNow();
    expect(env.mail.sent).toEqual([]);
    env.ui.answerAlerts('YES');
    gas.sendRemindersNow();
    expect(env.mail.sent.length).toBeGreaterThan(0);
    expect(env.ui.alertTexts().at(-1)).toMatch(/^Đã gửi \d+ thư/);
  });

  test('the preview lists today and the next 14 days, escaped, and sends a test copy to me', () => {
    const { env, gas } = preparedSheet();
    env.spreadsheet.sheet('Chỉ tiêu').load([['<b>Trường</b> "số 1"']], 2, 2);
    typeIn(env, d(2024, 5, 12));
    env.setNow(new Date(instantOfDay(d(2024, 5, 12)).getTime() + 9 * 3_600_000));
    gas.previewReminders();
    const html = env.ui.dialogs.at(-1)?.html ?? '';
    expect(html).toContain('&lt;b&gt;Trường&lt;/b&gt; &quot;số 1&quot;');
    expect(html).not.toContain('<b>Trường</b>');
    expect(html).toContain('Sẽ đến hạn trong 14 ngày tới');
    const key = /data-key="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;/g, "'") ?? '';
    expect(key).toBe('THPT-HH1|KN-19-5|2024-05-19|7');
    expect(gas.sendTestReminder(key)).toBe('Đã gửi thư thử tới owner@example.com.');
    expect(env.mail.sent.at(-1)).toMatchObject({ to: 'owner@example.com' });
    expect(env.mail.sent.at(-1)?.subject).toMatch(/^\[Thư thử\] \[Nhắc việc\]/);
    expect(logRows(env)).toEqual([]);
  });
});

/** The N-th working day after a day: Monday to Friday less the announced days off. */
function workingDaysAfter(from: Day, n: number): Day {
  const off = new Set(
    VIETNAM_HOLIDAYS_2024_2026.map((h) => {
      const [y, m, dd] = h.date.split('-').map(Number) as [number, number, number];
      return d(y, m, dd);
    }),
  );
  let day = from;
  for (let left = n; left > 0;) {
    day++;
    const weekday = new Date(instantOfDay(day).getTime() + 7 * 3_600_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !off.has(day)) left--;
  }
  return day;
}

const plusMonths = (day: Day, months: number): Day => {
  const t = new Date(instantOfDay(day).getTime() + 7 * 3_600_000);
  const index = t.getUTCFullYear() * 12 + t.getUTCMonth() + months;
  return d(Math.floor(index / 12), (index % 12) + 1, t.getUTCDate());
};

/**
 * Each file's reminders by the rule, worked out here apart from the product: for every stage a
 * person passes through, each lead day (14, 7, 1) whose day falls while they are in it, and the
 * day after the due day if they are still in it then.
 */
function expectedFileKeys(until: Day): string[] {
  const keys: string[] = [];
  for (const p of syntheticPeople(PLAN_145)) {
    const unit = PLAN_145.units.find((u) => u.name === p.unit);
    if (!unit || p.admitted === null) continue;
    const who = personKey(p.name, p.birth);
    const stages: { stage: string; from: Day; to: Day; due: Day }[] = [];
    if (p.resolution !== null)
      stages.push({
        stage: 'awaiting_decision',
        from: p.resolution,
        to: p.admitted,
        due: workingDaysAfter(p.resolution, 60),
      });
    stages.push({
      stage: 'awaiting_ceremony',
      from: p.admitted,
      to: p.ceremony ?? Number.POSITIVE_INFINITY,
      due: workingDaysAfter(p.admitted, 30),
    });
    if (p.ceremony !== null)
      stages.push({
        stage: 'probation',
        from: p.ceremony,
        to: Number.POSITIVE_INFINITY,
        due: workingDaysAfter(plusMonths(p.ceremony, 12), 30),
      });
    for (const s of stages) {
      for (const [lead, day] of [
        [14, s.due - 14],
        [7, s.due - 7],
        [1, s.due - 1],
        [0, s.due + 1],
      ] as const) {
        if (day >= s.from && day < s.to && day <= until)
          keys.push(`hs|${unit.code}|${s.stage}|${formatIso(s.due)}|${lead}|${who}`);
      }
    }
  }
  return keys.sort();
}

describe('files over a simulated 2024–2025: every day through runDailyReminders', () => {
  const { env, gas } = preparedSheet();
  const last = d(2025, 12, 31);
  for (let day = d(2024, 1, 1); day <= last; day++) runOn(env, gas, day, 1000);
  const rows = logRows(env).filter((r) => r.key.startsWith('hs|'));

  test('each file is reminded once per stage and lead day, exactly as the rule gives', () => {
    const sent = rows.filter((r) => r.status === 'đã gửi').map((r) => r.key);
    expect(sent.length).toBeGreaterThan(50);
    expect(new Set(sent).size).toBe(sent.length);
    expect([...sent].sort()).toEqual(expectedFileKeys(last));
    expect(rows.filter((r) => r.status !== 'đã gửi')).toEqual([]);
    // All three open stages and overdue files come up in two years.
    for (const stage of ['awaiting_decision', 'awaiting_ceremony', 'probation'])
      expect(sent.some((k) => k.includes(`|${stage}|`))).toBe(true);
    expect(sent.some((k) => k.split('|')[4] === '0')).toBe(true);
  });

  test('the files mails carry sheet rows and counts, never a name or a birth date', () => {
    const mails = env.mail.sent.filter((m) => m.subject.startsWith('[Nhắc việc] Hồ sơ'));
    expect(mails.length).toBeGreaterThan(10);
    const people = syntheticPeople(PLAN_145);
    for (const m of mails) {
      expect(m.body).toMatch(/Danh sách, dòng \d+/);
      expect(m.body + m.htmlBody).not.toMatch(/Mẫu \d{4}/);
      for (const p of people.slice(0, 30)) expect(m.body).not.toContain(formatDmy(p.birth));
    }
    const digests = env.mail.sent.filter((m) => m.subject.includes('Tổng hợp ngày'));
    expect(digests.some((m) => m.body.includes('Hồ sơ được nhắc hôm nay'))).toBe(true);
    console.log(
      `Simulated 2024–2025: ${rows.length} file reminders in ${mails.length} mails to units.`,
    );
  });
});
