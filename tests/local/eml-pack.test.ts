// The mails handed to the .eml composer's two threads travel as UTF-8 in shared memory: each
// comes back as it went, whatever its letters.
import { packMails, unpackMail, type EmlInput } from '../../src/local/eml';

const mail = (key: string, to: string[], text: string): EmlInput => ({
  file: `/tmp/hộp thư/${key}.eml`,
  at: new Date(Date.UTC(2025, 8, 28, 1, 0, 0)),
  mail: { key, to, subject: `[Nhắc việc] ${text.slice(0, 20)}`, text, html: `<p>${text}</p>` },
});

test('packed mails unpack to the same texts, addresses and times', () => {
  const mails = [
    mail('DV-0006|BD2-HS|2025-10-05|7', ['donvi0006@example.com'], 'Kính gửi: Trường THPT Mẫu'),
    mail('hs|DV-2000|2025-09-28', [], ''),
    mail('digest|2025-09-28', ['a@example.com', 'Bà "Lan" <b@example.com>'], '😀 dòng\n\tmới'),
  ];
  const packed = packMails(mails);
  expect(packed.count).toBe(3);
  expect(mails.map((_, i) => unpackMail(packed, i))).toEqual(
    mails.map(({ file, at, mail: { key, to, subject, text, html } }) => ({
      file,
      at,
      mail: { key, to, subject, text, html },
    })),
  );
});

test('no mail packs to nothing', () => {
  expect(packMails([]).count).toBe(0);
});
