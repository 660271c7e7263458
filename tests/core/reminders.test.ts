import { dayFromYmd, type Day } from '../../src/core/calendar/dates';
import { digestMail, unitMail } from '../../src/core/reminders/reminder-mail';
import {
  currentLead,
  planReminders,
  upcomingReminders,
  type LogEntry,
} from '../../src/core/reminders/reminders';
import type { Milestone } from '../../src/core/model';
import { PLAN_145 } from '../../src/core/plan/plan145';
import { evaluateWorkbook } from '../../src/workbook/usecases';
import { addPeople, plan145Workbook, type Person } from '../helpers/plan-workbook';

const d = (y: number, m: number, day: number): Day => dayFromYmd(y, m, day) as Day;
const MAY19 = d(2024, 5, 19);
const milestone = (leadDays: number[]): Milestone => ({
  code: 'KN-19-5',
  name: 'Kết nạp nhân dịp 19/5/2024',
  kind: 'admission',
  appliesTo: ['Trường học'],
  from: d(2024, 1, 1),
  deadline: MAY19,
  opening: null,
  leadDays,
  archived: false,
});

describe('currentLead: the most recent lead day that has come', () => {
  test.each([
    [d(2024, 5, 4), null], // 15 days left: before the first reminder
    [d(2024, 5, 5), 14],
    [d(2024, 5, 11), 14], // the 14-day reminder is still the current one
    [d(2024, 5, 12), 7],
    [d(2024, 5, 15), 7],
    [d(2024, 5, 16), 3],
    [d(2024, 5, 18), 1],
    [d(2024, 5, 19), 1], // the deadline itself: the last reminder, if it was missed
    [d(2024, 5, 20), null], // past the deadline: digest only
  ])('on %p → %p', (today, lead) => {
    expect(currentLead(milestone([14, 7, 3, 1]), today)).toBe(lead);
  });
});

const HH1 = 'Trường THPT Hiệp Hòa số 1';
const admitted = (i: number, day: string): Person => ({
  name: `Mẫu ${i}`,
  birth: '01/01/2005',
  unit: HH1,
  classCode: 'BD1-HS',
  certified: '14/04/2024',
  admitted: day,
});

function planOn(today: Day, people: Person[], log: LogEntry[] = [], dryRun = false) {
  const book = plan145Workbook();
  addPeople(book, people);
  const e = evaluateWorkbook(book, new Date(), today);
  return planReminders({ today, plan: e.plan, fulfillment: e.fulfillment, log, dryRun });
}

const keysOf = (plan: ReturnType<typeof planOn>) => plan.reminders.map((r) => r.key);

describe('planReminders', () => {
  test('on a lead day every unit short of its minimum is reminded, once per key', () => {
    const plan = planOn(d(2024, 5, 12), []);
    const keys = keysOf(plan).filter((k) => k.includes('KN-19-5'));
    expect(keys).toHaveLength(7);
    expect(keys).toContain('THPT-HH1|KN-19-5|2024-05-19|7');
    expect(plan.digest?.key).toBe('digest|2024-05-12');
  });

  test('a unit that reached its minimum gets nothing', () => {
    const people = Array.from({ length: 8 }, (_, i) => admitted(i, '10/05/2024'));
    const plan = planOn(d(2024, 5, 12), people);
    expect(keysOf(plan)).not.toContain('THPT-HH1|KN-19-5|2024-05-19|7');
    expect(keysOf(plan)).toContain('THPT-HH2|KN-19-5|2024-05-19|7');
  });

  test('a key already sent is never planned again; a deferred or failed one is', () => {
    const log: LogEntry[] = [
      { key: 'THPT-HH1|KN-19-5|2024-05-19|7', status: 'sent' },
      { key: 'THPT-HH2|KN-19-5|2024-05-19|7', status: 'deferred' },
      { key: 'THPT-HH3|KN-19-5|2024-05-19|7', status: 'failed' },
      { key: 'THPT-HH4|KN-19-5|2024-05-19|7', status: 'dry_run' },
    ];
    const keys = keysOf(planOn(d(2024, 5, 13), [], log));
    expect(keys).not.toContain('THPT-HH1|KN-19-5|2024-05-19|7');
    expect(keys).toContain('THPT-HH2|KN-19-5|2024-05-19|7');
    expect(keys).toContain('THPT-HH3|KN-19-5|2024-05-19|7');
    expect(keys).toContain('THPT-HH4|KN-19-5|2024-05-19|7'); // a dry run never counts as sent
    expect(keysOf(planOn(d(2024, 5, 13), [], log, true))).not.toContain(
      'THPT-HH4|KN-19-5|2024-05-19|7',
    );
  });

  test('missed days: only the most recent lead day is caught up', () => {
    const keys = keysOf(planOn(d(2024, 5, 17), [])).filter((k) => k.startsWith('THPT-HH1|KN-19-5'));
    expect(keys).toEqual(['THPT-HH1|KN-19-5|2024-05-19|3']);
  });

  test('after the deadline: no unit mail, the short units go to the digest once', () => {
    const after = planOn(d(2024, 5, 20), []);
    expect(keysOf(after).filter((k) => k.includes('KN-19-5'))).toEqual([]);
    expect(after.digest?.overdue.filter((r) => r.milestone.code === 'KN-19-5')).toHaveLength(7);
    const reported = planOn(d(2024, 5, 22), [], [{ key: 'digest|2024-05-20', status: 'sent' }]);
    expect(reported.digest?.overdue.filter((r) => r.milestone.code === 'KN-19-5') ?? []).toEqual(
      [],
    );
  });

  test('no digest on a quiet day, and one digest per day', () => {
    const quiet = planOn(d(2024, 2, 1), [], [{ key: 'digest|2024-01-01', status: 'sent' }]);
    expect(quiet.reminders).toEqual([]);
    expect(quiet.digest).toBeNull();
    const twice = planOn(d(2024, 5, 12), [], [{ key: 'digest|2024-05-12', status: 'sent' }]);
    expect(twice.digest).toBeNull();
  });

  test('upcoming reminders over the next days', () => {
    const book = plan145Workbook();
    const e = evaluateWorkbook(book, new Date(), d(2024, 5, 1));
    const soon = upcomingReminders(d(2024, 5, 1), 14, e.fulfillment);
    expect(new Set(soon.map((u) => `${u.milestone.code}:${u.leadDays}`))).toEqual(
      new Set(['BD1-CN:3', 'BD1-CN:1', 'KN-19-5:14', 'KN-19-5:7']),
    );
  });
});

describe('the messages', () => {
  const plan = planOn(d(2024, 5, 12), [admitted(1, '10/05/2024')]);
  const ctx = {
    today: d(2024, 5, 12),
    sheetUrl: 'https://docs.google.com/spreadsheets/d/x',
    settings: {
      ...PLAN_145.settings,
      reportingBody: 'Ban Tổ chức <Huyện ủy>',
      boardEmails: ['bantochuc@example.com'],
    },
  };

  test('a unit reminder: subject, deadline with weekday, counts, link, contact, escaped, no names', () => {
    const r = plan.reminders.find((x) => x.key === 'THPT-HH1|KN-19-5|2024-05-19|7')!;
    const mail = unitMail(r, ctx);
    expect(mail.subject).toBe('[Nhắc việc] Kết nạp nhân dịp 19/5/2024 — còn 7 ngày');
    expect(mail.text).toContain('Chủ nhật, 19/05/2024');
    expect(mail.text).toContain('- Chỉ tiêu: 8-10');
    expect(mail.text).toContain('- Đã thực hiện: 1');
    expect(mail.text).toContain('- Còn thiếu: 7');
    expect(mail.text).toContain('https://docs.google.com/spreadsheets/d/x');
    expect(mail.text).toContain('bantochuc@example.com');
    expect(mail.html).toContain('Ban Tổ chức &lt;Huyện ủy&gt; xin nhắc');
    expect(mail.html).not.toContain('<Huyện ủy>');
    expect(mail.text + mail.html).not.toContain('Mẫu 1');
  });

  test('the digest lists who was reminded and who is overdue', () => {
    const mail = digestMail(plan.digest!, ctx);
    expect(mail.to).toEqual(['bantochuc@example.com']);
    expect(mail.subject).toMatch(/^\[Nhắc việc\] Tổng hợp ngày 12\/05\/2024: nhắc \d+ lượt/);
    expect(mail.html).toContain('Trường THPT Hiệp Hòa số 1');
  });
});
