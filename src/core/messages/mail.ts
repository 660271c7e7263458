/** The name a reminder's sender shows, by MailApp and in the outbox's .eml files alike. */
export const MAIL_SENDER_NAME = 'Nhắc việc phát triển đảng viên';

export const MAIL = {
  defaultIssuer: 'Ban Tổ chức',
  subject: (milestone: string, daysLeft: number) =>
    `[Nhắc việc] ${milestone} — ${daysLeft === 0 ? 'hạn là hôm nay' : `còn ${daysLeft} ngày`}`,
  daysLeft: (n: number) => (n === 0 ? 'hạn là hôm nay' : `còn ${n} ngày`),
  greeting: (unit: string) => `Kính gửi: ${unit}`,
  intro: (issuer: string) =>
    `${issuer} xin nhắc đơn vị tiến độ thực hiện chỉ tiêu phát triển đảng viên:`,
  labels: {
    item: 'Nội dung',
    value: 'Số liệu',
    unit: 'Đơn vị',
    milestone: 'Mốc',
    deadline: 'Hạn',
    quota: 'Chỉ tiêu',
    actual: 'Đã thực hiện',
    shortfall: 'Còn thiếu',
    lead: 'Nhắc trước (ngày)',
    source: 'Nguồn số liệu',
    projected: 'Dự báo đến hạn',
    pace: 'Tiến độ',
  },
  noFigure: 'chưa có danh sách hay số liệu báo cáo',
  askClass:
    'Đề nghị đơn vị hoàn thành việc lựa chọn, cử người đi học lớp bồi dưỡng nhận thức về Đảng và cập nhật vào bảng theo dõi trước hạn.',
  askAdmission:
    'Đề nghị đơn vị đẩy nhanh các bước xem xét kết nạp theo đúng quy trình, quy định và cập nhật vào bảng theo dõi trước hạn.',
  link: (url: string) => `Bảng theo dõi: ${url}`,
  linkText: 'Mở bảng theo dõi',
  contact: (issuer: string, emails: string) => `Mọi thắc mắc xin liên hệ ${issuer}: ${emails}.`,
  contactNoEmail: (issuer: string) => `Mọi thắc mắc xin liên hệ ${issuer}.`,
  footer:
    'Thư được gửi tự động từ bảng theo dõi phát triển đảng viên. Thư chỉ nêu số liệu, không nêu tên người.',
  fileSubject: (due: number, overdue: number) =>
    `[Nhắc việc] Hồ sơ kết nạp, chuyển chính thức: ${[due ? `${due} sắp đến hạn` : '', overdue ? `${overdue} quá hạn` : ''].filter((p) => p !== '').join(', ')}`,
  fileIntro: (issuer: string) =>
    `${issuer} xin nhắc đơn vị các hồ sơ sắp đến hạn hoặc đã quá hạn (Quy định của Trung ương về thời hạn ra quyết định kết nạp, tổ chức lễ kết nạp và xét công nhận đảng viên chính thức):`,
  fileHeader: ['Bước', 'Sheet, dòng', 'Hạn', 'Còn lại'],
  fileLeft: (daysLeft: number) =>
    daysLeft < 0
      ? `quá hạn ${-daysLeft} ngày`
      : daysLeft === 0
        ? 'hạn là hôm nay'
        : `còn ${daysLeft} ngày`,
  fileRow: (sheet: string, row: number) => `${sheet}, dòng ${row}`,
  fileAsk:
    'Đề nghị đơn vị hoàn thành các bước trên trước hạn và cập nhật ngày vào bảng theo dõi. Thư chỉ nêu sheet và dòng, không nêu tên người.',
  digestFiles: (n: number) => `Hồ sơ được nhắc hôm nay (${n}), theo đơn vị và bước:`,
  digestFilesHeader: ['Đơn vị', 'Bước', 'Sắp đến hạn', 'Quá hạn'],
  digestSubject: (day: string, reminded: number, overdue: number) =>
    `[Nhắc việc] Tổng hợp ngày ${day}: nhắc ${reminded} lượt` +
    (overdue ? `, ${overdue} đơn vị quá hạn chưa đạt` : ''),
  digestIntro: (day: string) => `Tổng hợp nhắc việc ngày ${day}.`,
  digestReminded: (n: number) => `Các đơn vị được nhắc hôm nay (${n}):`,
  digestBehind: (n: number) => `Các đơn vị đang chưa đạt ở các mốc sắp đến hạn (${n}):`,
  digestOverdue: (n: number) => `Các đơn vị đã quá hạn mà chưa đạt (${n}):`,
  digestLeadNote: '(cột cuối: số ngày nhắc trước hạn)',
  digestSummary: 'Tóm tắt theo cấp ủy quản lý và loại đơn vị:',
  digestSummaryHeader: [
    'Cấp ủy quản lý',
    'Loại đơn vị',
    'Được nhắc',
    'Chưa đạt',
    'Quá hạn',
    'Nguy cơ',
  ],
  digestMore: (n: number) =>
    `… và ${n} trường hợp nữa (thư chỉ liệt kê các trường hợp thiếu nhiều nhất): xem đủ ở sheet Tổng hợp.`,
  digestPace: (n: number) =>
    `Dự báo theo tốc độ hiện nay: các đơn vị không kịp hoặc có nguy cơ không kịp (${n}):`,
  digestPaceNote:
    '(dự báo: số đạt được đến hạn nếu giữ tốc độ từ "Từ ngày" của mốc, hoặc ngày kế hoạch, đến nay; "nguy cơ": chỉ đạt trong tuần cuối)',
} as const;

export const MAIL_LOG = {
  digestUnit: 'Ban Tổ chức (thư tổng hợp)',
  digestMilestone: 'Tổng hợp',
  deferred: (remaining: number, needed: number) =>
    `Hết hạn mức gửi thư trong ngày (còn ${remaining}, cần ${needed}): sẽ gửi ở lần chạy sau.`,
  outOfTime: (minutes: number) =>
    `Lần chạy đã dùng hết ${String(Math.round(minutes * 10) / 10).replace('.', ',')} phút cho phép: sẽ gửi ở lần chạy sau (hoặc chọn "Gửi thư nhắc việc ngay").`,
  noRecipients: 'Không có địa chỉ email hợp lệ để gửi.',
  noBoardEmail: 'Chưa có "Email Ban Tổ chức" hợp lệ trong sheet Cấu hình.',
  skipped: (addresses: readonly string[]) =>
    ` Bỏ qua địa chỉ không hợp lệ: ${addresses.join(', ')}.`,
  dryRun: (subject: string) => `Chạy thử, không gửi: ${subject}`,
  sent: (subject: string) => subject,
  failed: (why: string) => `Gửi không được: ${why}`,
  partlySent: (sent: number, why: string) =>
    `Đã gửi cho ${sent} người đầu danh sách, phần còn lại chưa gửi được (${why}); không gửi lại cho những người đã nhận.`,
  transient:
    'Google báo lỗi tạm thời khi gửi thư này: chưa gửi, sẽ gửi ở lần chạy sau (hoặc chọn "Gửi thư nhắc việc ngay").',
  runFailed: (why: string) => `Lần chạy nhắc việc bị lỗi: ${why}`,
  runUnit: 'Lần chạy nhắc việc',
  outbox: (file: string) => `Đã ghi tệp ${file}`,
  notBoard:
    'Lần chạy nhắc việc dừng, không gửi thư nào: tài khoản chạy không có quyền ghi sheet Nhật ký thư (chỉ Ban Tổ chức). Ban Tổ chức hãy bật lại nhắc việc hằng ngày bằng tài khoản của mình.',
  fileMilestone: (stage: string) => `Hồ sơ: ${stage}`,
  overdueLead: 'quá hạn',
  fileAt: (sheet: string, row: number) => `(${sheet}, dòng ${row})`,
  recovered: ' (ghi bù: lần chạy trước đã gửi thư này nhưng bị dừng trước khi kịp ghi nhật ký)',
} as const;
