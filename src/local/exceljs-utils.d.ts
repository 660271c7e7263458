// exceljs's own value helpers (lib/utils/utils.js, exceljs 4.4), which its typings do not name:
// the lean read decodes cells with them so it agrees with the full reader.
declare module 'exceljs/lib/utils/utils' {
  const utils: {
    /** A serial day number (from 1900, or 1904) as a Date in UTC wall-clock time. */
    excelToDate(serial: number, date1904?: boolean): Date;
    /** A Date in UTC wall-clock time as a serial day number (from 1900, or 1904). */
    dateToExcel(date: Date, date1904?: boolean): number;
    /** Whether a number format shows a date or a time. */
    isDateFmt(format: string | undefined): boolean;
    /** `&lt;` and the other XML escapes read back. */
    xmlDecode(text: string): string;
  };
  export = utils;
}

// The full reader's xforms for the workbook's index parts (lib/xlsx/xform/core/relationships-xform.js,
// book/workbook-xform.js, style/styles-xform.js): the lean read uses them directly, without the
// rest of exceljs (loading all of it cost every command 0.15 s).
declare module 'exceljs/lib/xlsx/xform/core/relationships-xform' {
  class RelationshipsXform {
    /** The relationships: `[{ Id, Type, Target }]`. */
    parseStream(chunks: AsyncIterable<unknown>): Promise<{ Id: string; Target: string }[]>;
  }
  export = RelationshipsXform;
}

declare module 'exceljs/lib/xlsx/xform/book/workbook-xform' {
  class WorkbookXform {
    parseStream(chunks: AsyncIterable<unknown>): Promise<unknown>;
    /** The sheets as the workbook part lists them, once read. */
    readonly model?: { sheets?: { name: string; rId: string }[] };
    /** The part's child elements' xforms: `workbookPr` holds `date1904`. */
    readonly map: { workbookPr?: { model?: { date1904?: boolean } } };
  }
  export = WorkbookXform;
}

declare module 'exceljs/lib/xlsx/xform/style/styles-xform' {
  class StylesXform {
    parseStream(chunks: AsyncIterable<unknown>): Promise<unknown>;
    /** The style of a cell's `s` index, with its number format's code. */
    getStyleModel(id: number): { numFmt?: string } | null;
  }
  export = StylesXform;
}
