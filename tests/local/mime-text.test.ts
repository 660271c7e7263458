// A reminder's message written from its fields gives nodemailer's own bytes: the same fields built
// by MailComposer, for reminders as they are (Vietnamese, long lines, plain ASCII, many recipients,
// the Board's digest) and for a few hundred made up at random.
import MailComposer from 'nodemailer/lib/mail-composer';
import { simpleParser } from 'mailparser';
import { reminderMime, type MimeFields } from '../../src/local/outbox/mime-text';
import { composeEml } from '../../src/local/outbox/eml';

const SENDER = { name: 'Nhắc việc phát triển đảng viên', address: 'ptdv@localhost' };
const BOUNDARY = '0123456789abcdef';

type Mail = Pick<MimeFields, 'to' | 'subject' | 'text' | 'html'>;

const cases: [string, Mail][] = [
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
  [
    'addresses as an office types them',
    {
      to: ['Chi.Bo@Example.COM', 'van.thu+ptdv@xn--hip-hoa.vn', 'a_b@sub.example.org'],
      subject: 'Hạn: "lễ kết nạp" (đợt 2) — còn 3 ngày; xem ngay',
      text: 'Dòng một\r\nDòng hai\tcó tab\n😀 và chữ Hán 漢字',
      html: '<p>&lt;Đơn vị&gt; &amp; "trích dẫn"</p>',
    },
  ],
];

/** A small seeded generator, so a failure names a mail that can be made again. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = [
  'Đơn vị',
  ' ',
  'hồ sơ',
  'abc',
  'Lớp BD1-HS',
  '\n',
  '\n\n',
  '—',
  '"',
  ';',
  ',',
  '(',
  ')',
  'ngày 05/10/2025',
  'x'.repeat(90),
  'Ủy ban',
  '<b>',
  '&amp;',
  '😀',
  '\t',
  'Z',
  '=?',
  '?=',
  '@',
  ':',
];

function randomMail(random: () => number): Mail {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const words = (count: number, pieces: string[]): string =>
    Array.from({ length: count }, () => pick(pieces)).join('');
  const ascii = random() < 0.3;
  const pieces = ascii ? PIECES.filter((piece) => /^[\x20-\x7e\n\t]*$/.test(piece)) : PIECES;
  const recipients = 1 + Math.floor(random() ** 3 * 50);
  return {
    to: Array.from({ length: recipients }, (_, i) =>
      pick([`donvi${i}@example.com`, `Chi.Bo${i}@Example.VN`, `a.b-${i}@x.y.z.org`]),
    ),
    subject: words(
      1 + Math.floor(random() * 30),
      pieces.filter((piece) => !piece.includes('\n')),
    ),
    text: words(1 + Math.floor(random() * 300), pieces),
    html: `<p>${words(1 + Math.floor(random() * 300), pieces)}</p>`,
  };
}

function fields(mail: Mail): MimeFields {
  return {
    from: SENDER,
    ...mail,
    messageId: '<abc@ptdv.invalid>',
    date: new Date('2026-12-01T01:00:00Z'),
  };
}

async function theirs(mail: Mail): Promise<string> {
  const compiled = new MailComposer({
    ...fields(mail),
    textEncoding: 'base64',
    baseBoundary: BOUNDARY,
  }).compile();
  return (await compiled.build()).toString('utf8');
}

describe("a reminder's message written from its fields", () => {
  test.each(cases)('%s: the bytes MailComposer builds, read back as sent', async (_, mail) => {
    const mine = reminderMime(fields(mail), BOUNDARY);
    expect(mine).not.toBeNull();
    expect(mine?.toString('utf8')).toBe(await theirs(mail));
    const parsed = await simpleParser(mine as Buffer);
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.text?.replace(/\r\n/g, '\n').trim()).toBe(
      mail.text.replace(/\r\n/g, '\n').trim(),
    );
    expect(parsed.html).toBe(mail.html);
  });

  test('300 mails made up at random: the bytes MailComposer builds', async () => {
    const random = generator(20261203);
    for (let i = 0; i < 300; i++) {
      const mail = randomMail(random);
      const mine = reminderMime(fields(mail), BOUNDARY)?.toString('utf8');
      const expected = await theirs(mail);
      if (mine !== expected) throw new Error(`mail ${i} differs: ${JSON.stringify(mail)}`);
    }
  });

  test('each message gets a boundary of its own, as nodemailer gives', () => {
    const mail = fields(cases[0][1]);
    const boundaries = [reminderMime(mail), reminderMime(mail)].map(
      (bytes) => /boundary="([^"]+)"/.exec(bytes?.toString('utf8') ?? '')?.[1],
    );
    expect(boundaries[0]).toMatch(/^--_NmP-[0-9a-f]{16}-Part_1$/);
    expect(boundaries[1]).not.toBe(boundaries[0]);
  });

  test('a mail with an empty body is left to the composer, which leaves that part out', async () => {
    const mail = { key: 'k', to: ['a@example.com'], subject: 'Nhắc', text: 'Chỉ có chữ', html: '' };
    expect(reminderMime(fields(mail))).toBeNull();
    const parsed = await simpleParser(await composeEml(mail, SENDER.address, new Date()));
    expect(parsed.text?.trim()).toBe('Chỉ có chữ');
    expect(parsed.html).toBe(false);
  });
});
