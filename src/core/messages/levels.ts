// Two levels (a commune and its province): what the menu items `Gửi số liệu lên cấp trên` and
// `Nhận số liệu cấp dưới` say, and the mail that gives the higher Board the figures file's link.
import { formatDateTimeVietnam } from '../calendar/dates';
import { escapeHtml } from '../text/html';

export const HIGHER = {
  menu: 'Gửi số liệu lên cấp trên',
  fileName: (code: string, issuer: string) =>
    `${code} - Số liệu gửi cấp trên${issuer ? ` - ${issuer}` : ''}`,
  noCode:
    'Cấu hình chưa ghi "Mã đơn vị ở cấp trên" (mã của cấp ủy này trong sheet Chỉ tiêu của cấp trên): ghi vào rồi chọn lại "Gửi số liệu lên cấp trên".',
  noBoard:
    'Cấu hình chưa ghi "Email Ban Tổ chức cấp trên": tệp số liệu đã được cập nhật nhưng chưa chia sẻ cho ai. Ghi địa chỉ vào rồi chọn lại "Gửi số liệu lên cấp trên".',
  mixedKinds: (codes: readonly string[]) =>
    `Trong sheet Mốc, "Mốc cấp trên" ${codes.join(', ')} được ghi cho cả mốc bồi dưỡng và mốc kết nạp: mỗi mốc cấp trên chỉ nhận một loại. Chưa gửi gì.`,
  overlapping: (list: readonly { code: string; milestones: readonly [string, string] }[]) =>
    `Trong sheet Mốc, ${list
      .map(
        (o) => `${o.milestones[0]} và ${o.milestones[1]} cùng tính vào mốc ${o.code} của cấp trên`,
      )
      .join(
        '; ',
      )}, mà thời gian của hai mốc trùng nhau: một người kết nạp trong cả hai sẽ bị tính hai lần. Chỉ ghi "Mốc cấp trên" ${list.length > 1 ? 'cho một mốc mỗi cặp' : 'cho một trong hai mốc'} (hoặc cho hai mốc không trùng ngày). Chưa gửi gì.`,
  done: (url: string, milestones: readonly string[], newlyShared: readonly string[]) =>
    `Đã cập nhật tệp số liệu gửi cấp trên (mốc ${milestones.join(', ') || '(không có)'}): ${url}. Tệp chỉ có các con số tổng của cấp ủy này, không có tên ai.` +
    (newlyShared.length > 0
      ? ` Đã chia sẻ (chỉ xem) cho ${newlyShared.join(', ')} và gửi thư báo địa chỉ tệp.`
      : ''),
  shareFailed: (why: string) =>
    ` Chưa chia sẻ được cho cấp trên: ${why} Địa chỉ Ban Tổ chức cấp trên phải là một tài khoản Google (Gmail hoặc Google Workspace); sửa nếu cần rồi chọn lại "Gửi số liệu lên cấp trên".`,
  mailFailed: (why: string) =>
    ` Tệp đã chia sẻ nhưng chưa gửi được thư báo địa chỉ cho cấp trên: ${why} Lần gửi sau sẽ gửi lại thư.`,
  otherOwner: (owner: string) =>
    `Tệp số liệu gửi cấp trên do tài khoản ${owner} tạo: chỉ tài khoản đó cập nhật được (Google chỉ cho script mở tệp do chính tài khoản chạy nó tạo). Hãy để ${owner} chọn "Gửi số liệu lên cấp trên" hoặc bật nhắc việc hằng ngày.`,
  dailyLater:
    'Tệp số liệu gửi cấp trên chưa được cập nhật trong lần chạy này (đã hết thời gian): lần Cập nhật Tổng hợp hoặc lần chạy sau sẽ cập nhật.',
  mailSubject: (issuer: string) => `[Phát triển đảng viên] Tệp số liệu của ${issuer}`,
  mailText: (issuer: string, code: string, url: string, higher: string) =>
    [
      `${issuer} gửi ${higher || 'cấp trên'} tệp số liệu phát triển đảng viên (mã ${code}):`,
      url,
      '',
      'Tệp chỉ có các con số tổng (theo mốc, theo bước hồ sơ, cơ cấu người được kết nạp), không có tên ai, và được cập nhật mỗi lần cấp dưới cập nhật bảng tính của mình và mỗi ngày.',
      'Để nhận vào bảng tính của cấp trên: dán địa chỉ trên vào cột "Địa chỉ tệp số liệu" của sheet "Cấp dưới" (dòng có mã ' +
        code +
        '), chọn Phát triển đảng viên → Nhận số liệu cấp dưới, rồi bấm vào ô A1 của sheet "SL - ' +
        code +
        '" và chọn "Cho phép truy cập" (chỉ lần đầu).',
    ].join('\n'),
  mailHtml: (issuer: string, code: string, url: string, higher: string, now: Date) =>
    `<p>${escapeHtml(issuer)} gửi ${escapeHtml(higher || 'cấp trên')} tệp số liệu phát triển đảng viên (mã <b>${escapeHtml(code)}</b>):</p>` +
    `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` +
    `<p>Tệp chỉ có các con số tổng (theo mốc, theo bước hồ sơ, cơ cấu người được kết nạp), không có tên ai; cập nhật lần cuối ${escapeHtml(formatDateTimeVietnam(now))}.</p>` +
    `<p>Để nhận vào bảng tính của cấp trên: dán địa chỉ trên vào cột "Địa chỉ tệp số liệu" của sheet "Cấp dưới" (dòng có mã ${escapeHtml(code)}), chọn <b>Phát triển đảng viên → Nhận số liệu cấp dưới</b>, rồi bấm vào ô A1 của sheet "SL - ${escapeHtml(code)}" và chọn <b>Cho phép truy cập</b> (chỉ lần đầu).</p>`,
} as const;

export const LOWER = {
  menu: 'Nhận số liệu cấp dưới',
  sheetMade: (units: number) =>
    `Đã tạo sheet "Cấp dưới" với ${units} đơn vị của sheet Chỉ tiêu: dán địa chỉ tệp số liệu mỗi cấp dưới gửi (thư "Tệp số liệu của …") vào cột "Địa chỉ tệp số liệu", rồi chọn lại "Nhận số liệu cấp dưới".`,
  none: 'Sheet "Cấp dưới" chưa có dòng nào ghi cả mã và địa chỉ tệp số liệu: chưa nhận gì.',
  done: (count: number, skipped: readonly string[]) =>
    `Đã ghi công thức nhận số liệu của ${count} cấp dưới (mỗi cấp dưới một sheet "SL - <Mã>"). Lần đầu với mỗi tệp: bấm vào ô A1 của sheet đó và chọn "Cho phép truy cập"; sau đó chọn "Cập nhật Tổng hợp".` +
    (skipped.length > 0 ? ` Bỏ qua: ${skipped.join('; ')} (xem sheet Kiểm tra).` : ''),
} as const;
