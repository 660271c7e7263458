// The one-pass writing of a compiled message gives nodemailer's own bytes: the same node built
// both ways, for reminders as they are (Vietnamese, long lines, plain ASCII, many recipients).
import MailComposer from 'nodemailer/lib/mail-composer';
import { simpleParser } from 'mailparser';
import { mimeBytes } from '../../src/local/outbox/mime-text';

const cases: [string, { to: string[]; subject: string; text: string; html: string }][] = [
  [
    'Vietnamese text and HTML',
    {
      to: ['chibo.thpt1@example.com'],
      subject: '[Nhắc việc] Hạn lớp bồi dưỡng BD1-HS của Trường THPT Hiệp Hòa số 1 còn 7 ngày',
      text: 'Kính gửi đồng chí phụ trách,\n\nĐơn vị còn 3 người chưa cử đi học.\n'.repeat(20),
      html: `<p>Kính gửi <b>đồng chí</b> phụ trách</p>${'<tr><td>Dòng 12</td><td>Chờ lễ kết nạp</td></tr>'.repeat(200)}`,
    },
  ],
  [
    'plain ASCII, short lines (7bit)',
    { to: ['a@example.com'], subject: 'Reminder', text: 'Hello\nWorld', html: '<p>Hello</p>' },
  ],
  [
    'one very long line and many recipients',
    {
      to: Array.from({ length: 12 }, (_, i) => `donvi${i}@example.com`),
      subject: 'x'.repeat(200),
      text: 'a'.repeat(5000),
      html: `<p>${'b'.repeat(9000)}</p>`,
    },
  ],
  [
    "the Board's digest, longer than the wrapper's chunks of 1,024 lines",
    {
      to: ['bantochuc@example.com'],
      subject: '[Tổng hợp] Đơn vị quá hạn chưa đạt',
      text: 'Đơn vị còn thiếu.\n'.repeat(4000),
      html: `<table>${'<tr><td>Trường THPT Mẫu số 1971</td><td>còn thiếu 6</td></tr>'.repeat(2500)}</table>`,
    },
  ],
];

describe('a compiled message written in one pass', () => {
  test.each(cases)('%s: the bytes build() gives', async (_, mail) => {
    const compiled = new MailComposer({
      from: { name: 'Nhắc việc phát triển đảng viên', address: 'ptdv@localhost' },
      ...mail,
      date: new Date('2026-12-01T01:00:00Z'),
      messageId: '<abc@ptdv.invalid>',
      textEncoding: 'base64',
    }).compile();
    const mine = mimeBytes(compiled);
    const theirs = await compiled.build();
    expect(mine).not.toBeNull();
    expect(mine?.toString('utf8')).toBe(theirs.toString('utf8'));
    const parsed = await simpleParser(mine as Buffer);
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.text?.trim()).toBe(mail.text.trim());
    expect(parsed.html).toBe(mail.html);
  });

  test('a part that is a stream is left to build()', () => {
    const { Readable } = jest.requireActual<typeof import('node:stream')>('node:stream');
    const compiled = new MailComposer({
      to: ['a@example.com'],
      text: Readable.from(['streamed']),
    }).compile();
    expect(mimeBytes(compiled)).toBeNull();
  });
});
