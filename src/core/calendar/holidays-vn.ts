// Vietnam's public holidays and official days off for 2024, 2025 and 2026, as announced each
// year for "cán bộ, công chức, viên chức" (Bộ Lao động - Thương binh và Xã hội until early 2025,
// then Bộ Nội vụ, each acting on the Prime Minister's approval sent by Văn phòng Chính phủ).
//
// Only WEEKDAYS the office is closed are listed. The working-day rule is simply: Monday to
// Friday, less these dates. So this list holds:
//   - every Monday-Friday that falls inside an official holiday period;
//   - a weekday made a day off by a swap ("hoán đổi ngày làm việc"), e.g. 29/4/2024;
//   - a compensatory weekday ("nghỉ bù") when the holiday itself falls on a weekend,
//     e.g. Monday 27/4/2026 for Giỗ Tổ Hùng Vương on Sunday 26/4/2026.
// It deliberately leaves out the Saturdays worked in exchange for a swap (e.g. Saturday
// 4/5/2024): Saturdays are never working days in our rule, so they need no entry.
//
// Later years are not added here: the Board enters them in the sheet `Ngày nghỉ`. This file
// only seeds the years below, each checked against the notice quoted in HOLIDAY_SOURCES.
//
// The legal base for all three years is Article 112 of the Labour Code 2019 (11 paid holiday
// days: Tết Dương lịch 1, Tết Âm lịch 5, Giỗ Tổ Hùng Vương 1, 30/4 1, 1/5 1, Quốc khánh 2 =
// 2/9 plus one adjacent day chosen each year). Nothing changed in that list for 2025 or 2026.
//
// NOT included, on purpose: Ngày Văn hóa Việt Nam (24/11). Resolution 80-NQ/TW of the Politburo
// (January 2026) chose 24/11 as a paid day off in principle, but it only becomes one once Art.
// 112 of the Labour Code is amended (Government Resolution 30/NQ-CP, February 2026, tasks that
// amendment). No page we could read shows the amendment passed or 24/11/2026 (a Tuesday)
// officially declared a day off, so it is left out. Add it (in the sheet) once it is law.

export interface Holiday {
  /** ISO yyyy-mm-dd, always a Monday-Friday. */
  date: string;
  /** Vietnamese, as shown to users. */
  name: string;
}

/** Sources, one per holiday period: notice and URL. */
export const HOLIDAY_SOURCES: string[] = [
  // 2024
  'Tết Dương lịch 2024: Labour Code 2019 Art. 112 (1 day, 1/1); 1/1/2024 is a Monday, no swap. ' +
    'https://dbndnghean.vn/lich-nghi-tet-duong-lich-2024-duoc-nghi-3-ngay-10356.htm',
  'Tết Nguyên đán 2024 (Giáp Thìn), 8/2-14/2/2024: Thông báo 5015/TB-LĐTBXH ngày 22/11/2023, ' +
    'after Công văn 8662/VPCP-KGVX ngày 03/11/2023. ' +
    'http://huyendakha.kontum.gov.vn/tin-tuc/thong-bao-ve-viec-nghi-tet-am-lich-va-nghi-le-quoc-khanh-nam-2024-doi-voi-can-bo-cong-chuc-vien-chuc-va-nguoi-lao-dong.html',
  'Giỗ Tổ Hùng Vương 2024: Thursday 18/4/2024, 1 day (Chinhphu.vn, 20/04/2024). ' +
    'https://xaydungchinhsach.chinhphu.vn/nguoi-lao-dong.html',
  '30/4 - 1/5/2024, 27/4-1/5/2024 (Monday 29/4 swapped to Saturday 4/5): ' +
    'Công văn 2450/VPCP-KGVX ngày 12/4/2024. ' +
    'https://baophapluat.vn/media/thu-tuong-chinh-phu-dong-y-nghi-5-ngay-lien-tiep-dip-304-va-15-post12513.html',
  'Quốc khánh 2024, 31/8-3/9/2024: Thông báo 5015/TB-LĐTBXH ngày 22/11/2023. ' +
    'http://huyendakha.kontum.gov.vn/tin-tuc/thong-bao-ve-viec-nghi-tet-am-lich-va-nghi-le-quoc-khanh-nam-2024-doi-voi-can-bo-cong-chuc-vien-chuc-va-nguoi-lao-dong.html',
  // 2025
  'Tết Dương lịch 2025: Labour Code 2019 Art. 112; Wednesday 1/1/2025 only, no swap. ' +
    'https://www.tet-amlich.com/2024/11/cac-ngay-nghi-le-2025.html',
  'Tết Nguyên đán 2025 (Ất Tỵ), 25/1-2/2/2025: Công văn 8726/VPCP-KGVX ngày 26/11/2024 and ' +
    'Thông báo 6150/TB-LĐTBXH (2024). ' +
    'https://vtv9.vtv.vn/index.php/thu-tuong-dong-y-nghi-9-ngay-lien-tuc-dip-tet-nguyen-dan-at-ty-2025',
  'Giỗ Tổ Hùng Vương 2025: Monday 7/4/2025, 1 day. ' +
    'https://bnews.vn/lich-nghi-le-gio-to-hung-vuong-cua-cong-chuc-vien-chuc-nam-2025/366100.html',
  '30/4 - 1/5/2025, 30/4-4/5/2025 (Friday 2/5 swapped to Saturday 26/4): Công văn ' +
    '8726/VPCP-KGVX ngày 26/11/2024 and Thông báo 6150/TB-LĐTBXH (2024). ' +
    'https://tracuuquyhoach.com/tin-tuc/cong-chuc-vien-chuc-duoc-nghi-the-nao-trong-dip-le-30-4-1-5-2025-51994339',
  'Quốc khánh 2025, 30/8-2/9/2025 (2/9 and 1/9): Thông báo 6150/TB-LĐTBXH (2024), after ' +
    'Công văn 8726/VPCP-KGVX ngày 26/11/2024. ' +
    'https://baodanang.vn/chi-tiet-lich-nghi-le-quoc-khanh-2-9-nam-nay-cho-cong-chuc-vien-chuc-va-nguoi-lao-dong-3299118.html',
  // 2026
  'Tết Dương lịch 2026, 1/1-4/1/2026 (Friday 2/1 swapped to Saturday 10/1): ' +
    'Công văn 12729/VPCP-KGVX ngày 25/12/2025, on Bộ Nội vụ proposal. ' +
    'https://tracuuquyhoach.com/tin-tuc/tin-vui-cho-nguoi-lao-dong-chinh-phu-dong-y-nghi-tet-duong-lich-4-ngay-54100289',
  'Tết Nguyên đán 2026 (Bính Ngọ), 14/2-22/2/2026: Văn phòng Chính phủ letter (October 2025) ' +
    'conveying the Prime Minister’s approval of the Bộ Nội vụ proposal; letter number not found. ' +
    'https://kienthuc.net.vn/chot-phuong-an-nghi-tet-am-lich-binh-ngo-va-quoc-khanh-nam-2026-post1576857.html',
  'Giỗ Tổ Hùng Vương 2026: Sunday 26/4/2026, so Monday 27/4/2026 is the compensatory day ' +
    '(Labour Code 2019 Art. 111(3)); no swap announced (Thanh Niên, 23/02/2026). ' +
    'https://thanhnien.vn/gio-to-hung-vuong-304-15-quoc-khanh-29-nam-2026-duoc-nghi-may-ngay-185260223083506397.htm',
  '30/4 - 1/5/2026: Thursday and Friday, no swap announced (Thanh Niên, 23/02/2026; Kênh 14, ' +
    '11/03/2026, says no 9-day plan exists). ' +
    'https://thanhnien.vn/gio-to-hung-vuong-304-15-quoc-khanh-29-nam-2026-duoc-nghi-may-ngay-185260223083506397.htm',
  'Quốc khánh 2026, 29/8-2/9/2026 (2/9 and 1/9; Monday 31/8 swapped to Saturday 22/8): same ' +
    'Văn phòng Chính phủ letter (October 2025) as Tết 2026. ' +
    'https://kienthuc.net.vn/chot-phuong-an-nghi-tet-am-lich-binh-ngo-va-quoc-khanh-nam-2026-post1576857.html',
];

export const VIETNAM_HOLIDAYS_2024_2026: Holiday[] = [
  // 2024
  { date: '2024-01-01', name: 'Tết Dương lịch' },
  // Tết days are 8/2-12/2 (29 Tết to mùng 3); 10-11/2 fall on the weekend, so 13-14/2 are
  // compensatory days.
  { date: '2024-02-08', name: 'Tết Nguyên đán' },
  { date: '2024-02-09', name: 'Tết Nguyên đán' },
  { date: '2024-02-12', name: 'Tết Nguyên đán' },
  { date: '2024-02-13', name: 'Tết Nguyên đán (nghỉ bù)' },
  { date: '2024-02-14', name: 'Tết Nguyên đán (nghỉ bù)' },
  { date: '2024-04-18', name: 'Giỗ Tổ Hùng Vương' },
  // Monday 29/4 swapped to Saturday 4/5 (that Saturday is not listed: see header).
  { date: '2024-04-29', name: 'Nghỉ lễ 30/4 - 1/5 (nghỉ hoán đổi)' },
  { date: '2024-04-30', name: 'Ngày Giải phóng miền Nam, thống nhất đất nước' },
  { date: '2024-05-01', name: 'Ngày Quốc tế Lao động' },
  // The extra National Day day in 2024 was the day after: Tuesday 3/9.
  { date: '2024-09-02', name: 'Quốc khánh' },
  { date: '2024-09-03', name: 'Quốc khánh' },

  // 2025
  { date: '2025-01-01', name: 'Tết Dương lịch' },
  // Mùng 1 Tết is Wednesday 29/1; the five Tết days are Monday 27/1 to Friday 31/1.
  { date: '2025-01-27', name: 'Tết Nguyên đán' },
  { date: '2025-01-28', name: 'Tết Nguyên đán' },
  { date: '2025-01-29', name: 'Tết Nguyên đán' },
  { date: '2025-01-30', name: 'Tết Nguyên đán' },
  { date: '2025-01-31', name: 'Tết Nguyên đán' },
  { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương' },
  { date: '2025-04-30', name: 'Ngày Giải phóng miền Nam, thống nhất đất nước' },
  { date: '2025-05-01', name: 'Ngày Quốc tế Lao động' },
  // Friday 2/5 swapped to Saturday 26/4.
  { date: '2025-05-02', name: 'Nghỉ lễ 30/4 - 1/5 (nghỉ hoán đổi)' },
  // The extra National Day day in 2025 was the day before: Monday 1/9.
  { date: '2025-09-01', name: 'Quốc khánh' },
  { date: '2025-09-02', name: 'Quốc khánh' },

  // 2026
  { date: '2026-01-01', name: 'Tết Dương lịch' },
  // Friday 2/1 swapped to Saturday 10/1.
  { date: '2026-01-02', name: 'Tết Dương lịch (nghỉ hoán đổi)' },
  // Mùng 1 Tết is Tuesday 17/2; the five Tết days are Monday 16/2 (29 Tết) to Friday 20/2.
  { date: '2026-02-16', name: 'Tết Nguyên đán' },
  { date: '2026-02-17', name: 'Tết Nguyên đán' },
  { date: '2026-02-18', name: 'Tết Nguyên đán' },
  { date: '2026-02-19', name: 'Tết Nguyên đán' },
  { date: '2026-02-20', name: 'Tết Nguyên đán' },
  // Giỗ Tổ (10/3 âm lịch) is Sunday 26/4/2026, so the day off moves to Monday 27/4.
  { date: '2026-04-27', name: 'Giỗ Tổ Hùng Vương (nghỉ bù)' },
  { date: '2026-04-30', name: 'Ngày Giải phóng miền Nam, thống nhất đất nước' },
  { date: '2026-05-01', name: 'Ngày Quốc tế Lao động' },
  // Monday 31/8 swapped to Saturday 22/8; the extra National Day day is Tuesday 1/9.
  { date: '2026-08-31', name: 'Quốc khánh (nghỉ hoán đổi)' },
  { date: '2026-09-01', name: 'Quốc khánh' },
  { date: '2026-09-02', name: 'Quốc khánh' },
];
