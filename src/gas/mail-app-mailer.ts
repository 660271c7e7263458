import type { OutgoingMail } from '../core/reminders/reminder-mail';
import type { Mailer } from '../workbook/reminders';

const SENDER_NAME = 'Nhắc việc phát triển đảng viên';

/**
 * MailApp takes at most 50 recipients per message
 * (https://developers.google.com/apps-script/guides/services/quotas): longer lists go out as
 * several identical messages. The daily quota counts each recipient either way.
 */
const RECIPIENTS_PER_MESSAGE = 50;

/** MailApp, not GmailApp: it can only send, so the script never reads anyone's mailbox. */
export const mailAppMailer: Mailer = {
  remainingQuota: () => MailApp.getRemainingDailyQuota(),
  send: (mail: OutgoingMail) => {
    for (let i = 0; i < mail.to.length; i += RECIPIENTS_PER_MESSAGE) {
      MailApp.sendEmail({
        to: mail.to.slice(i, i + RECIPIENTS_PER_MESSAGE).join(','),
        subject: mail.subject,
        body: mail.text,
        htmlBody: mail.html,
        name: SENDER_NAME,
      });
    }
  },
};
