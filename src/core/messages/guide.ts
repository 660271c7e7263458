// Where a message sends a reader for more: the guides under docs/ in ptdv's own folder (every copy
// of ptdv carries them). Messages name a guide through this one table, and a test checks that
// each page and section named here exists.

export const GUIDE = {
  /** The sheets and their columns. */
  workbook: { page: 'docs/vi/bang-tinh.md', section: 'Các sheet và cột' },
  /** A commune's, ward's or province's own plan, and the next year's. */
  ownPlan: { page: 'docs/vi/bat-dau-google-sheets.md', section: 'Kế hoạch của xã, phường, tỉnh' },
} as const;

/** How a message points at a guide: `xem docs/vi/bang-tinh.md, mục "Các sheet và cột"`. */
export const seeGuide = (guide: { page: string; section: string }): string =>
  `xem ${guide.page}, mục "${guide.section}"`;
