import { GUIDE, seeGuide } from './guide';
import { SEVERITY_LABEL } from './labels';

export const CLI = {
  codeHeader: 'Mã',
  unitHeader: 'Đơn vị',
  tableTitle: (planNumber: string, issuer: string, asOf: string) =>
    `Thực hiện chỉ tiêu — Kế hoạch ${planNumber || '…'}${issuer ? ` (${issuer})` : ''}` +
    (asOf ? `, tính đến ngày ${asOf}` : '') +
    '\nÔ: thực hiện/chỉ tiêu và trạng thái; "·" = không giao chỉ tiêu, chưa có ai.',
  problemSummary: (errors: number, warnings: number) =>
    errors + warnings === 0
      ? 'Không phát hiện lỗi nào trong dữ liệu.'
      : `Phát hiện ${errors} lỗi và ${warnings} cảnh báo (dòng có lỗi không được tính vào số liệu liên quan):`,
  problemLine: (p: {
    sheet: string;
    row: number;
    column: string;
    message: string;
    suggestion?: string;
    severity: 'error' | 'warning';
  }) =>
    `  [${SEVERITY_LABEL[p.severity]}] ${p.sheet}, dòng ${p.row}, cột "${p.column}": ${p.message}` +
    (p.suggestion ? ` ${p.suggestion}` : ''),
  moreProblems: (n: number) => `  … và ${n} vấn đề khác (xem sheet Kiểm tra hoặc --json).`,
  initDone: (path: string, planNumber: string) =>
    `Đã tạo bảng tính ${path} theo Kế hoạch ${planNumber || '(chưa ghi số)'}.`,
  initBlankDone: (path: string) =>
    `Đã tạo bảng tính trống ${path}: ghi cấp ủy, số và ngày kế hoạch vào Cấu hình, các đơn vị vào Chỉ tiêu, các mốc vào Mốc (${seeGuide(GUIDE.ownPlan)}).`,
  blankOrPlanFrom: 'Chọn một trong hai: --blank (bảng tính trống) hoặc --plan-from TỆP.xlsx.',
  newYearDone: (path: string) => `Đã ghi ${path}.`,
  badYear: (text: string) => `"${text}" không phải là một năm (ví dụ 2027).`,
  countsPlanDiffers: (into: string, from: string, units: string[], milestones: string[]) =>
    `Bảng tính ${into} không phải của cùng kế hoạch với ${from}: ` +
    [
      units.length > 0 ? `không có đơn vị ${units.join(', ')}` : '',
      milestones.length > 0 ? `không có mốc ${milestones.join(', ')}` : '',
    ]
      .filter((part) => part !== '')
      .join('; ') +
    `. Không ghi gì vào ${into}. Thêm các mã đó vào sheet Chỉ tiêu / Mốc của ${into}, hoặc tạo bảng tính chung từ kế hoạch này: ptdv init --out TỆP.xlsx --counts-only --plan-from ${from}.`,
  demoDone: (path: string, people: number, mistakes: number) =>
    `Đã tạo bảng tính mẫu ${path}: Kế hoạch 145/KH-HU với ${people} người giả định (tên có chữ "Mẫu") ` +
    `và ${mistakes} lỗi nhập cố ý để thử "ptdv check".`,
  countsBy: 'ptdv counts (máy văn phòng)',
  countsNeedList: (path: string) =>
    `"${path}" đang ở chế độ "Chỉ số liệu", không có danh sách người để đếm: hãy dùng tệp danh sách trên máy văn phòng.`,
  countsDone: (xlsx: string, csv: string, into: string | undefined, units: number) =>
    `Đã ghi số liệu của ${units} đơn vị (không có tên, ngày sinh) vào ${xlsx} và ${csv}` +
    (into
      ? `, và vào sheet Số liệu của ${into}.`
      : '. Dán hoặc nhập vào sheet Số liệu của bảng tính dùng chung.'),
  higherCodeMissing: (path: string) =>
    `${path} chưa ghi "Mã đơn vị ở cấp trên" trong sheet Cấu hình: ghi mã của cấp ủy này trong sheet Chỉ tiêu của cấp trên (ví dụ XA-MAUSON), rồi chạy lại.`,
  higherRefused: (path: string, why: string) => `${path}: ${why}`,
  higherDone: (path: string, code: string, milestones: string[]) =>
    `Đã ghi số liệu gửi cấp trên (mã ${code}; mốc ${milestones.join(', ') || '(không có)'}) vào ${path}: chỉ có các con số, không có tên ai. Gửi tệp này cho Ban Tổ chức cấp trên.`,
  rollupNoFiles: (folder: string) =>
    `Thư mục ${folder} không có tệp .xlsx nào của cấp dưới (tệp số liệu gửi cấp trên hoặc bảng tính của cấp dưới).`,
  rollupNotFigures: (file: string) =>
    `${file}: không phải tệp số liệu gửi cấp trên (sheet "Số liệu gửi cấp trên") hay bảng tính ptdv của cấp dưới.`,
  rollupRefused: (workbook: string, reasons: string[]) =>
    `Không ghi gì vào ${workbook}:\n` +
    reasons.map((r) => `  - ${r}`).join('\n') +
    `\nSửa tệp của cấp dưới (hoặc thêm đơn vị, mốc vào sheet Chỉ tiêu / Mốc của ${workbook}), rồi chạy lại.`,
  rollupNoRow: (file: string) => `${file}: không có dòng số liệu nào có mã đơn vị.`,
  rollupUnitUnknown: (file: string, code: string) =>
    `${file}: mã đơn vị "${code}" không có trong sheet Chỉ tiêu (kiểm tra "Mã đơn vị ở cấp trên" trong Cấu hình của cấp dưới).`,
  rollupColumnUnknown: (file: string, column: string) =>
    `${file}: cột "${column}" mang mã mốc không có trong sheet Mốc (kiểm tra cột "Mốc cấp trên" trong sheet Mốc của cấp dưới).`,
  rollupDuplicate: (file: string, code: string, other: string) =>
    `${file}: đơn vị ${code} đã có số liệu ở ${other}; mỗi đơn vị chỉ một tệp.`,
  rollupDone: (workbook: string, files: number, units: string[]) =>
    `Đã ghi số liệu của ${files} tệp cấp dưới (${units.join(', ')}) vào sheet Số liệu của ${workbook}; các đơn vị khác giữ nguyên.`,
  checkExit: (errors: number) =>
    errors
      ? `Có ${errors} lỗi: sửa rồi chạy lại "ptdv check".`
      : 'Không có lỗi nào (có thể còn cảnh báo).',
  fileExists: (path: string) => `Tệp "${path}" đã có. Dùng --force để ghi đè.`,
  written: (path: string) => `Đã ghi sheet Tổng hợp và Kiểm tra vào ${path}.`,
  badToday: (text: string) =>
    `Ngày "${text}" không hợp lệ: dùng dạng YYYY-MM-DD, ví dụ 2024-05-19.`,
  asOfAhead: (text: string) =>
    `Ngày --as-of ${text} sau hôm nay: báo cáo chỉ tính số liệu đến hôm nay (hoặc đến ngày --today).`,
  sheetUnwritable: (path: string, sheet: string) =>
    `Không ghi được sheet "${sheet}" vào tệp "${path}": phần này của tệp không đọc được (tệp có thể đã hỏng). Tệp chưa bị thay đổi; mở tệp bằng Excel hay LibreOffice, lưu lại rồi chạy lại lệnh.`,
  fileHeld: (path: string) =>
    `Không ghi được tệp "${path}": tệp đang mở trong một chương trình khác (Excel, LibreOffice…) hoặc chỉ cho phép đọc. Đóng tệp rồi chạy lại lệnh; tệp chưa bị thay đổi.`,
  fileBeingWritten: (path: string) =>
    `Tệp "${path}" đang được một lệnh ptdv khác ghi (trên máy này hoặc trên máy khác dùng chung thư mục). Đợi lệnh đó xong rồi chạy lại lệnh; tệp chưa bị thay đổi.`,
  diskFull: (path: string) =>
    `Không ghi được tệp "${path}": ổ đĩa đã đầy. Giải phóng chỗ trống trên ổ đĩa rồi chạy lại lệnh; tệp này chưa bị thay đổi.`,
  outboxDiskFull: (folder: string, workbook: string) =>
    `Không ghi được thư vào thư mục "${folder}": ổ đĩa đã đầy. Chưa thư nào được ghi, tệp "${workbook}" chưa bị thay đổi. Giải phóng chỗ trống trên ổ đĩa rồi chạy lại lệnh.`,
  mailsLeftInOutbox: (count: number, folder: string) =>
    `${count} thư của lần chạy này vẫn còn trong thư mục "${folder}" (một chương trình khác đang mở chúng) dù Nhật ký thư chưa ghi: đừng gửi các thư đó; lần chạy sau sẽ lập lại.`,
  outboxUnwritable: (folder: string, workbook: string) =>
    `Không tạo được thư mục thư "${folder}" (đã có một tệp cùng tên, hoặc không có quyền ghi): chưa thư nào được ghi, tệp "${workbook}" chưa bị thay đổi. Chọn thư mục khác bằng --outbox rồi chạy lại lệnh.`,
  unexpected: (path: string | null) =>
    (path ? `Có lỗi không lường trước khi xử lý tệp "${path}"` : 'Có lỗi không lường trước') +
    ': tệp không bị thay đổi. Hãy báo lỗi này cho người phát triển, kèm tệp (hoặc bản sao đã xóa tên) và lệnh đã chạy; đặt biến PTDV_DEBUG=1 để xem chi tiết kỹ thuật.',
  missingOption: (option: string) => `Thiếu tùy chọn ${option}.`,
  unknownOption: (option: string, near: string | null) =>
    `Không có tùy chọn ${option}.` +
    (near ? ` Có phải là ${near}?` : '') +
    ' Gõ "ptdv help" để xem các tùy chọn.',
  optionNeedsValue: (option: string) =>
    `Tùy chọn ${option} cần một giá trị, ví dụ ${option} 2024-12-31.`,
  optionTakesNoValue: (option: string) => `Tùy chọn ${option} không nhận giá trị.`,
  extraArgument: (arg: string) =>
    `Không hiểu "${arg}": mỗi lệnh chỉ có một tên lệnh, các giá trị đi sau tùy chọn của chúng.`,
  unknownCommand: (cmd: string) => `Không có lệnh "${cmd}". Gõ "ptdv help" để xem các lệnh.`,
  remindSummary: (day: string, written: number, dry: number, failed: number, outbox: string) =>
    `Nhắc việc ngày ${day}: ` +
    (dry ? `${dry} thư chạy thử (không ghi tệp)` : `${written} thư đã ghi vào ${outbox}`) +
    (failed ? `, ${failed} thư lỗi (xem Nhật ký thư)` : '') +
    '.',
  remindLine: (unit: string, milestone: string, lead: number, shortfall: number) =>
    `  - ${unit}: ${milestone}, nhắc trước ${lead} ngày, còn thiếu ${shortfall}`,
  remindDigest: (overdue: number) =>
    `  - Thư tổng hợp gửi Ban Tổ chức` + (overdue ? ` (${overdue} đơn vị quá hạn chưa đạt)` : ''),
  htmlWritten: (path: string) => `Đã ghi báo cáo ${path} (mở bằng trình duyệt, in ra khổ A4).`,
  printing: (path: string) => `Đang in ${path} bằng Chromium…`,
  pdfWritten: (path: string) => `Đã ghi báo cáo PDF ${path}.`,
  docxWritten: (path: string) =>
    `Đã ghi báo cáo Word ${path} (mở bằng Word hay LibreOffice để sửa, điền số và ký).`,
  folderUnwritable: (path: string) =>
    `Không ghi được tệp "${path}": không tạo được thư mục chứa nó (đã có một tệp cùng tên, hoặc không có quyền ghi). Chọn chỗ khác rồi chạy lại lệnh.`,
  noChromium: (explicit: string | undefined) =>
    (explicit
      ? `Không thấy Chromium tại PTDV_CHROMIUM="${explicit}". Sửa biến này cho đúng đường dẫn tới tệp chạy` +
        ' Chrome, Edge hay Chromium, hoặc bỏ nó đi để ptdv tự tìm; máy chưa có trình duyệt nào thì cài Chromium' +
        ' (Debian/Ubuntu: sudo apt install chromium);'
      : 'Không tìm thấy Google Chrome, Microsoft Edge hay Chromium để in PDF (Chromium đi kèm ptdv chỉ chạy' +
        ' trên Linux x64). Cài Chrome hoặc Edge, hoặc đặt biến PTDV_CHROMIUM là đường dẫn tới tệp chạy;') +
    ' hoặc dùng --html rồi mở trang bằng trình duyệt và chọn In → Lưu dưới dạng PDF.',
  packagedChromiumFailed: (dir: string) =>
    `Không giải nén được Chromium đi kèm ptdv vào ${dir} (cần khoảng 210 MB chỗ trống, và thư mục phải` +
    ' thuộc riêng người dùng đang chạy ptdv). Cài Chrome hoặc Chromium, hoặc đặt biến PTDV_CHROMIUM là đường dẫn tới tệp chạy;' +
    ' hoặc dùng --html rồi mở trang bằng trình duyệt và chọn In → Lưu dưới dạng PDF.',
  pdfFailed: (chromium: string, packaged: boolean) =>
    `Trình duyệt ${chromium} không in được PDF.` +
    (packaged
      ? ' Chromium đi kèm ptdv cần thư viện NSS của hệ thống: máy chưa có thì cài vào (Debian/Ubuntu: sudo apt install libnss3).'
      : ' Thử đặt biến PTDV_CHROMIUM là đường dẫn tới một Chrome, Edge hay Chromium khác;') +
    (packaged ? ' Cũng có thể' : ' hoặc') +
    ' dùng --html rồi mở trang bằng trình duyệt và chọn In → Lưu dưới dạng PDF.',
  risksTitle: (n: number, open: number) =>
    open === 0
      ? 'Dự báo: không có mốc nào đang thực hiện vào ngày này.'
      : n === 0
        ? 'Dự báo: theo tốc độ hiện nay, mọi đơn vị đều kịp các mốc đang thực hiện.'
        : `Dự báo theo tốc độ hiện nay: ${n} trường hợp không kịp hoặc có nguy cơ không kịp:`,
  riskLine: (
    unit: string,
    milestone: string,
    actual: number,
    target: string,
    projected: number,
    pace: string,
  ) => `  - ${unit}: ${milestone} ${actual}/${target}, dự báo đến hạn ${projected} — ${pace}`,
  filesTitle: (asOf: string, n: number) =>
    n === 0
      ? `Hồ sơ kết nạp, chuyển chính thức: không hồ sơ nào quá hạn đến ngày ${asOf}.`
      : `Hồ sơ quá hạn đến ngày ${asOf}: ${n} (theo đơn vị, sheet và dòng; không in tên):`,
  fileLine: (sheet: string, row: number, stage: string, due: string) =>
    `    - ${sheet}, dòng ${row}: ${stage}, hạn ${due}`,
  badPeriod: (text: string) =>
    `Không đọc được kỳ báo cáo "${text}": ghi Q1-2026 … Q4-2026, 6T-2026, 9T-2026, 2026 hoặc YTD (từ đầu năm đến nay).`,
  periodWithDays: '--period không dùng cùng --from/--to: chọn một trong hai cách.',
  periodNotStarted: (from: string) =>
    `Kỳ báo cáo bắt đầu ngày ${from}, sau ngày tính số liệu: chưa có gì để báo cáo.`,
  periodNeedsBoth: 'Cần cả --from và --to (YYYY-MM-DD).',
  badPeriodDay: (option: string, text: string) =>
    `Ngày ${option} "${text}" không đọc được: ghi theo dạng YYYY-MM-DD, ví dụ 2026-03-31.`,
  periodBackwards: (from: string, to: string) => `Kỳ báo cáo ngược: --from ${from} sau --to ${to}.`,
  reading: (path: string) => `Đang đọc ${path}…`,
  computing: 'Đang tính toán…',
  saving: (path: string) => `Đang ghi ${path}…`,
  usage: [
    'ptdv — theo dõi chỉ tiêu phát triển đảng viên trên tệp .xlsx',
    '',
    'Cách dùng:',
    '  ptdv init --out TỆP.xlsx [--blank | --plan-from KẾ-HOẠCH.xlsx] [--counts-only] [--force]',
    '      Tạo bảng tính mới theo mẫu, điền sẵn Kế hoạch 145/KH-HU làm ví dụ; --blank: trống (chỉ có',
    '      tiêu đề và các khóa Cấu hình); --plan-from: đơn vị, chỉ tiêu, mốc, cấu hình lấy từ KẾ-HOẠCH.xlsx;',
    '      --counts-only: bảng tính chỉ giữ số liệu, không có tên.',
    '  ptdv new-year --workbook TỆP.xlsx --year NĂM [--out TỆP-MỚI.xlsx]',
    '      Sang năm mới: lưu trữ các mốc hiện tại, thêm mốc năm NĂM (ngày dời đúng số năm), mỗi mốc mới một',
    '      cột chỉ tiêu chép từ năm trước, xóa số và ngày kế hoạch; không có --out thì ghi đè khi đã xong.',
    '  ptdv report --workbook TỆP.xlsx [--today YYYY-MM-DD] [--as-of YYYY-MM-DD] [--json] [--write] [--html TRANG.html] [--pdf BÁO-CÁO.pdf] [--docx BÁO-CÁO.docx]',
    '      In bảng thực hiện chỉ tiêu và dự báo tiến độ (hoặc JSON); --write ghi sheet Tổng hợp và Kiểm tra vào tệp;',
    '      --html ghi báo cáo gửi Thường trực thành một trang HTML (in khổ A4); --pdf in báo cáo ra PDF bằng Chrome, Edge hay Chromium;',
    '      --docx ghi báo cáo thành văn bản Word theo thể thức văn bản của Đảng (Quy định 399-QĐ/TW), để sửa, điền số và ký.',
    '      --as-of: số liệu tính đến ngày đó, báo cáo vẫn đề ngày hôm nay (như Xuất báo cáo trên Google Sheets).',
    '      --period KỲ (Q1-2026 … Q4-2026, 6T-2026, 9T-2026, 2026, YTD = từ đầu năm) hoặc --from YYYY-MM-DD --to YYYY-MM-DD:',
    '      thêm số kết nạp, số cử đi học và cơ cấu người được kết nạp trong kỳ, bên cạnh cùng kỳ năm trước.',
    '  ptdv demo --out TỆP.xlsx [--force]',
    '      Tạo bảng tính mẫu Kế hoạch 145/KH-HU với danh sách người giả định.',
    '  ptdv counts --workbook DANH-SACH.xlsx --out SO-LIEU [--into CHUNG.xlsx] [--today YYYY-MM-DD] [--by TÊN]',
    '      Từ danh sách người trên máy văn phòng, tính số liệu từng đơn vị (đã kiểm tra) và ghi',
    '      SO-LIEU.xlsx, SO-LIEU.csv theo mẫu sheet Số liệu (không có tên, ngày sinh); --into ghi thẳng vào bảng chung',
    '      (chỉ khi bảng chung có đủ mã đơn vị và mã mốc của danh sách).',
    '  ptdv counts --workbook XA.xlsx --for-higher SO-LIEU-GUI.xlsx [--today YYYY-MM-DD]',
    '      Ghi số liệu tổng của cấp ủy này gửi cấp trên (theo "Mốc cấp trên", "Mã đơn vị ở cấp trên"), không có tên.',
    '  ptdv rollup --workbook TINH.xlsx --from THƯ-MỤC [--today YYYY-MM-DD]',
    '      Đọc mọi tệp số liệu (hoặc bảng tính) của cấp dưới trong THƯ-MỤC vào sheet Số liệu của TINH.xlsx;',
    '      tệp nào mang mã đơn vị hay mã mốc TINH.xlsx không có thì dừng, mã thoát 1, không ghi gì.',
    '  ptdv check --workbook TỆP.xlsx [--json] [--unit-files THƯ-MỤC]',
    '      Liệt kê mọi lỗi và cảnh báo trong dữ liệu nhập; mã thoát 1 khi có lỗi.',
    '  --unit-files THƯ-MỤC (với report, check, remind, counts): đọc thêm danh sách riêng của từng đơn vị,',
    '      mỗi đơn vị một tệp .xlsx đặt tên theo mã (THPT-HH1.xlsx hoặc "THPT-HH1 - ….xlsx").',
    '  ptdv remind --workbook TỆP.xlsx [--today YYYY-MM-DD] [--outbox THƯ-MỤC] [--dry-run]',
    '      Lập thư nhắc việc đến hạn: mỗi thư một tệp .eml trong thư mục (mặc định ./outbox),',
    '      ghi Nhật ký thư; thư đã gửi không bao giờ gửi lại. --dry-run chỉ ghi nhật ký "thử".',
    '  ptdv help',
  ].join('\n'),
} as const;
