/** Long setup work continued by a one-off trigger, and the mail that says it is done. */
export const CONTINUATION = {
  later:
    ' Phần còn lại sẽ tự làm tiếp sau khoảng một phút, bằng tài khoản của bạn, cho đến khi xong; khi xong bạn nhận một thư báo. Bạn cũng có thể chọn lại ngay để làm tiếp.',
  subject: (job: 'rooms' | 'files') =>
    `[Phát triển đảng viên] Đã xong: ${job === 'rooms' ? 'Phân quyền đơn vị' : 'Tạo tệp riêng cho đơn vị'}`,
  sender: 'Phát triển đảng viên',
  failed: (why: string) =>
    `Việc làm tiếp bị dừng vì lỗi: ${why}. Hãy mở bảng tính và chọn lại mục đó trong menu.`,
} as const;

export const ROOMS = {
  menu: 'Phân quyền đơn vị',
  configDescription: 'ptdv: chỉ Ban Tổ chức được sửa',
  unitDescription: (unit: string) => `ptdv: chỉ ${unit} và Ban Tổ chức được sửa`,
  noBoard: 'Chưa có "Email Ban Tổ chức" hợp lệ trong Cấu hình: hãy điền trước khi phân quyền.',
  done: (created: number, protectedSheets: number, skipped: string[]) =>
    `Đã tạo ${created} sheet đơn vị mới và bảo vệ ${protectedSheets} sheet.` +
    (skipped.length ? ` Không thêm được người sửa: ${skipped.join('; ')}.` : '') +
    ' Nhớ chia sẻ bảng tính (quyền Người chỉnh sửa) cho địa chỉ của các đơn vị.',
  noEmails: (code: string) => `${code} (chưa có Email phụ trách)`,
  partial: (
    done: number,
    total: number,
    created: number,
    protectedSheets: number,
    skipped: string[],
    continuing: boolean,
  ) =>
    `Đã xong ${done}/${total} đơn vị (lần này tạo ${created} sheet đơn vị mới, bảo vệ ${protectedSheets} sheet)` +
    (skipped.length ? `; không thêm được người sửa: ${skipped.join('; ')}` : '') +
    `. Còn ${total - done} đơn vị: Apps Script chỉ cho mỗi lần chạy 6 phút, nên lần này dừng ở đây để không bỏ dở giữa chừng.` +
    (continuing
      ? CONTINUATION.later
      : ` Hãy chọn lại "Phân quyền đơn vị": lần sau làm tiếp từ đơn vị thứ ${done + 1}.`),
} as const;

/** One spreadsheet per unit (Tạo tệp riêng cho đơn vị). */
export const UNIT_FILES = {
  menu: 'Tạo tệp riêng cho đơn vị',
  sheet: 'Tệp đơn vị',
  label: (code: string) => `Tệp ${code}`,
  fileName: (code: string, name: string) => `${code} - ${name} (danh sách riêng của đơn vị)`,
  headers: ['Mã', 'Tên đơn vị', 'Địa chỉ tệp', 'Đọc lần cuối', 'Tình trạng'],
  /** How far making a unit's file got (the list's last column). */
  state: {
    done: 'Xong',
    unformatted: 'Chưa định dạng',
    unshared: 'Chờ chia sẻ',
    noEmails: 'Chưa có email phụ trách',
  },
  sharingTomorrow: (created: number, total: number, waiting: number, continuing: boolean) =>
    `Lần này tạo ${created} tệp mới; ${total} đơn vị đã có tệp. Google chỉ cho mỗi tài khoản chia sẻ một số lần trong ngày và hôm nay đã hết: ${waiting} tệp đã tạo xong, chờ chia sẻ cho cán bộ phụ trách (cột "Tình trạng" trong sheet Tệp đơn vị).` +
    (continuing
      ? ' Việc chia sẻ tự làm tiếp vào sáng mai, bằng tài khoản của bạn; xong sẽ có thư báo.'
      : ' Ngày mai hãy chọn lại "Tạo tệp riêng cho đơn vị" để chia sẻ tiếp.'),
  noFile: (name: string) =>
    `Tệp "${name}" không khớp mã đơn vị nào trong sheet Chỉ tiêu: không được đọc.`,
  noFileSuggestion:
    'Đặt tên tệp bắt đầu bằng mã đơn vị, ví dụ THPT-HH1.xlsx hoặc "THPT-HH1 - Trường THPT Hiệp Hòa số 1.xlsx".',
  done: (created: number, shared: number, total: number, failed: readonly string[]) =>
    `Đã tạo ${created} tệp mới, cập nhật quyền của ${shared} tệp; ${total} đơn vị có tệp riêng.` +
    (failed.length ? ` Chưa làm được: ${failed.join('; ')}.` : '') +
    ' Mỗi tệp chỉ cán bộ phụ trách đơn vị và Ban Tổ chức mở được; bảng tính này chỉ giữ số liệu đọc từ tệp, không giữ tên người.',
  partial: (done: number, total: number, continuing: boolean) =>
    `Đã xong ${done}/${total} đơn vị. Apps Script chỉ cho mỗi lần chạy 6 phút.` +
    (continuing ? CONTINUATION.later : ' Hãy chọn lại "Tạo tệp riêng cho đơn vị" để làm tiếp.'),
  noEmails: (code: string) => `${code} (chưa có Email phụ trách)`,
  unreadable: (code: string, why: string) =>
    `Không đọc được tệp riêng của đơn vị ${code} lần này (${why}): số liệu của đơn vị không được tính lần này. Kiểm tra tệp còn sheet "Danh sách", rồi cập nhật lại.`,
  missing: (code: string) =>
    `Không mở được tệp riêng của đơn vị ${code} (đã bị xóa, chuyển vào thùng rác, hoặc script không còn quyền): số liệu của đơn vị không được đọc. Chạy lại "Tạo tệp riêng cho đơn vị" để tạo lại tệp.`,
  /** Another account runs the script: drive.file shows it none of the files. */
  otherAccount: (code: string, owner: string | null, me: string, read: string) => {
    const who = owner ?? 'một tài khoản Ban Tổ chức khác';
    const fix = `Hãy cập nhật bằng tài khoản ${owner ?? 'đã tạo các tệp'}`;
    return read === ''
      ? `Tệp riêng của đơn vị ${code} do ${owner ? `tài khoản ${who}` : who} tạo; tài khoản đang chạy (${me || 'không rõ'}) không đọc được tệp này (quyền drive.file) và chưa có số liệu nào đã đọc: số liệu của đơn vị không được tính lần này. ${fix}.`
      : `Tệp riêng của đơn vị ${code} do ${owner ? `tài khoản ${who}` : who} tạo; tài khoản đang chạy (${me || 'không rõ'}) không đọc được tệp này (quyền drive.file), nên dùng số liệu đọc lần cuối lúc ${read}. ${fix} để có số liệu mới.`;
  },
  /** Files recorded before their owner was noted, none of which this account can see. */
  unknownOwnerOnly: (me: string) =>
    `Tài khoản đang chạy (${me || 'không rõ'}) không thấy tệp đơn vị nào đã ghi trong sheet "Tệp đơn vị": chúng do một tài khoản Ban Tổ chức khác tạo, và với quyền drive.file chỉ tài khoản đó đọc được chúng. Không tạo hay chia sẻ thêm tệp nào. Hãy chọn lại "Tạo tệp riêng cho đơn vị" bằng tài khoản đã tạo các tệp. Nếu các tệp đó đã bị xóa hẳn, hãy xóa các dòng của chúng trong sheet "Tệp đơn vị" rồi chọn lại.`,
  /** A changed file left for the next run by the Sheets API's per-minute read quota. */
  deferred: (code: string, read: string, perRun: number) =>
    `Tệp riêng của đơn vị ${code} cần đọc lại (tệp đã đổi, hoặc số liệu phải tính cho ngày mới hay kế hoạch mới) nhưng chưa được đọc lần này: Google chỉ cho đọc khoảng 60 tệp mỗi phút, nên mỗi lần cập nhật đọc tối đa ${perRun} tệp, tệp lâu chưa đọc nhất trước. ` +
    (read === ''
      ? 'Tệp chưa từng được đọc nên số liệu của đơn vị chưa được tính.'
      : `Tạm dùng số liệu đọc lần cuối lúc ${read}.`) +
    ' Chờ một phút rồi cập nhật lại để đọc tiếp.',
  /** Files made by two accounts could be read by neither in full. */
  ownerOnly: (owner: string, me: string) =>
    `Các tệp đơn vị do tài khoản ${owner} tạo, và với quyền drive.file chỉ tài khoản đó đọc được chúng. Tài khoản đang chạy (${me || 'không rõ'}) không tạo hay chia sẻ thêm tệp nào. Hãy đăng nhập bằng ${owner} rồi chọn lại "Tạo tệp riêng cho đơn vị".`,
  /** The daily trigger's account cannot read the files. */
  triggerNotOwner: (owner: string) =>
    ` Lưu ý: các tệp đơn vị do tài khoản ${owner} tạo, nên nhắc việc chạy bằng tài khoản này chỉ dùng số liệu đọc lần cuối từ các tệp đó; hãy bật nhắc việc bằng tài khoản ${owner}.`,
} as const;

/** A copy of the tracker (File › Make a copy) finding itself in a new spreadsheet. */
export const COPY = {
  adopted: (original: string, unitFiles: number) =>
    'Đây là bản sao của bảng tính ' +
    (original ? `${original}` : 'gốc') +
    '. ptdv đã chuyển sang bản sao này: "Địa chỉ bảng tính" trong Cấu hình nay là địa chỉ của bản sao; ' +
    'nhắc việc qua thư đang TẮT ở đây cho đến khi một người trong Ban Tổ chức chọn "Nhắc việc › Bật nhắc việc hằng ngày" trên bản sao này ' +
    '(lịch nhắc, nhật ký thư đang gửi dở và người cài nhắc việc của bảng tính gốc không được mang sang).' +
    (unitFiles > 0
      ? ` ${unitFiles} tệp riêng của đơn vị trong sheet "Tệp đơn vị" là của bảng tính gốc: bản sao không mở được chúng, nên đã bỏ khỏi danh sách (các tệp vẫn còn nguyên cho bảng tính gốc). Chọn "Tạo tệp riêng cho đơn vị" để tạo tệp mới cho bản sao này.`
      : ''),
  openedToast:
    'Đây là bản sao của một bảng tính ptdv: chọn một mục bất kỳ trong menu "Phát triển đảng viên" để chuyển ptdv sang bản sao này (nhắc việc đang tắt ở đây).',
} as const;
