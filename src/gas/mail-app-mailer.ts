import type { OutgoingMail } from '../core/reminder-mail';
import type { Mailer } from '../workbook/reminders';

const SENDER_NAME = 'Nhắc việc phát triển đảng viên';

/** MailApp, not GmailApp: it can only send, so the script never reads anyone's mailbox. */
export const mailAppMailer: Mailer = {
  remainingQuota: () => MailApp.getRemainingDailyQuota(),
  send: (mail: OutgoingMail) => {
    MailApp.sendEmail({
      to: mail.to.join(','),
      subject: mail.subject,
      body: mail.text,
      htmlBody: mail.html,
      name: SENDER_NAME,
    });
  },
};
