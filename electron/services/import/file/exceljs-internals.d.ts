// exceljs' streaming WorkbookReader on its own: loading the whole package (writers, CSV,
// archiver, jszip…) takes three times as long, and a parser worker pays it on every file.
declare module 'exceljs/lib/stream/xlsx/workbook-reader.js' {
  import type ExcelJS from 'exceljs';

  const WorkbookReader: typeof ExcelJS.stream.xlsx.WorkbookReader;
  export default WorkbookReader;
}
