export const REMINDER_MENU = {
  title: 'Nhắc việc',
  preview: 'Xem trước thư nhắc việc',
  sendNow: 'Gửi thư nhắc việc ngay',
  install: 'Bật nhắc việc hằng ngày',
  remove: 'Tắt nhắc việc hằng ngày',
  status: 'Trạng thái nhắc việc',
} as const;

export const REMINDER_UI = {
  confirmSend: (n: number) =>
    n === 0
      ? 'Hôm nay không có thư nhắc việc nào đến hạn. Vẫn chạy (để ghi nhật ký)?'
      : `Sẽ gửi ${n} thư nhắc việc theo kế hoạch hôm nay. Tiếp tục?`,
  summary: (sent: number, deferred: number, failed: number, dry: number) =>
    `Đã gửi ${sent} thư` +
    (deferred ? `, hoãn ${deferred} (hết hạn mức, sẽ gửi lần sau)` : '') +
    (failed ? `, ${failed} thư lỗi (xem Nhật ký thư)` : '') +
    (dry ? `, ${dry} thư chạy thử (không gửi)` : '') +
    '.',
  busy: 'Một lần chạy nhắc việc khác đang diễn ra; lần này dừng lại để không gửi trùng.',
  installed: (hour: number, who: string) =>
    `Đã bật nhắc việc hằng ngày lúc khoảng ${hour} giờ (giờ Việt Nam), chạy bằng tài khoản ${who}. Nếu tài khoản này mất quyền với bảng tính, nhắc việc sẽ dừng.`,
  takeOver: (owner: string) =>
    `Nhắc việc hằng ngày đang được bật bởi tài khoản ${owner}. Nên nhờ người đó tắt trước. ` +
    'Nếu người đó không còn làm việc này, chọn "Có" để bật bằng tài khoản của bạn: ' +
    'trình kích hoạt của tài khoản kia tự gỡ ở lần chạy sau mà không gửi thư nào, nên mỗi thư vẫn chỉ gửi một lần.',
  removed: (n: number) =>
    n ? 'Đã tắt nhắc việc hằng ngày.' : 'Nhắc việc hằng ngày chưa được bật.',
  statusOn: (hour: string, who: string) =>
    `Nhắc việc hằng ngày: ĐANG BẬT, lúc khoảng ${hour} giờ, chạy bằng tài khoản ${who}.`,
  statusOff: 'Nhắc việc hằng ngày: ĐANG TẮT (chọn "Bật nhắc việc hằng ngày" để bật).',
  statusOtherOwner: (who: string, hour: string) =>
    `Nhắc việc hằng ngày: ĐANG BẬT, lúc khoảng ${hour} giờ, chạy bằng tài khoản ${who} (chỉ tài khoản đó thấy và tắt được trình kích hoạt).`,
  tooManyTriggers: (max: number) =>
    `Tài khoản của bạn đã có ${max} trình kích hoạt trong script này, mức Google cho phép: chưa bật được nhắc việc. Mở Tiện ích mở rộng → Apps Script → Trình kích hoạt, xóa những cái không dùng, rồi chọn lại.`,
  lastRun: (when: string, ok: boolean, message: string) =>
    `Lần chạy gần nhất: ${when} — ${ok ? 'thành công' : 'LỖI'}: ${message}`,
  neverRun: 'Chưa có lần chạy nào.',
  running: (when: string) => `Lần chạy bắt đầu lúc ${when} đang chạy hoặc đã bị dừng giữa chừng.`,
  quota: (n: number) => `Hạn mức gửi thư còn lại hôm nay: ${n} người nhận.`,
  lastCutOffToast: (when: string) =>
    `Lần chạy nhắc việc lúc ${when} không hoàn tất (bị dừng giữa chừng). Thư đã gửi không bị gửi lại; lần chạy sau sẽ gửi tiếp.`,
  lastFailedToast: (when: string, why: string) =>
    `Lần chạy nhắc việc lúc ${when} bị lỗi: ${why}. Xem sheet Nhật ký thư.`,
  testSent: (to: string) => `Đã gửi thư thử tới ${to}.`,
  testNoQuota:
    'Hôm nay đã hết hạn mức gửi thư của tài khoản (MailApp): thư thử chưa được gửi. Thử lại vào ngày mai.',
  testFailed: (detail: string) => `Không gửi được thư thử (${detail}).`,
  testMissing: 'Không còn thư này trong kế hoạch hôm nay: hãy mở lại cửa sổ xem trước.',
  testPrefix: '[Thư thử] ',
  previewTitle: 'Xem trước thư nhắc việc',
} as const;

export const PREVIEW = {
  callFailed:
    'Không gửi được yêu cầu tới script. Nếu trình duyệt đang đăng nhập nhiều tài khoản Google, hãy mở bảng tính trong một cửa sổ ẩn danh chỉ đăng nhập một tài khoản (tài khoản có quyền sửa bảng tính), rồi thử lại.',
  today: (day: string, n: number) => `Hôm nay (${day}) sẽ gửi ${n} thư:`,
  none: 'Không có thư nào.',
  upcoming: (days: number, n: number) =>
    `Sẽ đến hạn trong ${days} ngày tới (${n} lượt nhắc, nếu số liệu không đổi):`,
  columns: ['Ngày', 'Đơn vị', 'Mốc', 'Nhắc trước (ngày)', 'Còn thiếu'],
  todayColumns: ['Đơn vị', 'Mốc', 'Người nhận', 'Tiêu đề', ''],
  sendTest: 'Gửi thử cho tôi',
  sending: 'Đang gửi…',
  dryRun: 'Chế độ chạy thử đang bật trong Cấu hình: thư chỉ được ghi nhật ký, không gửi đi.',
} as const;

/** A permission the user unticked when authorizing the script. */
export const CONSENT = {
  mail:
    'Chưa có quyền gửi thư: khi cấp quyền cho script, ô "Gửi email thay mặt bạn" đã bị bỏ chọn, nên nhắc việc không gửi được thư nào (không có gì được ghi là đã gửi). ' +
    'Để cấp lại: mở https://myaccount.google.com/permissions, gỡ quyền của script "Phát triển đảng viên", rồi chọn lại một mục trong menu và đánh dấu đủ các ô khi Google hỏi.',
  drive:
    'Chưa có quyền dùng Google Drive: khi cấp quyền cho script, ô về Google Drive ("xem, chỉnh sửa, tạo và xóa những tệp cụ thể trên Google Drive mà bạn dùng với ứng dụng này") đã bị bỏ chọn, nên không tạo được tệp riêng cho đơn vị và không lưu được PDF. ' +
    'Để cấp lại: mở https://myaccount.google.com/permissions, gỡ quyền của script "Phát triển đảng viên", rồi chọn lại một mục trong menu và đánh dấu đủ các ô khi Google hỏi.',
  other: (scope: string) =>
    `Chưa có quyền ${scope}: khi cấp quyền cho script, ô tương ứng đã bị bỏ chọn. Mở https://myaccount.google.com/permissions, gỡ quyền của script "Phát triển đảng viên", rồi chọn lại một mục trong menu và đánh dấu đủ các ô.`,
} as const;
