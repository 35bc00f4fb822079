/** The ZIP entries exceljs' reader uses, by name (kept apart from it: no exceljs to load here). */
export const RELS = 'xl/_rels/workbook.xml.rels';
export const WORKBOOK = 'xl/workbook.xml';
export const SHARED_STRINGS = 'xl/sharedStrings.xml';
export const STYLES = 'xl/styles.xml';
/** Unanchored, as exceljs matches it. */
export const WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** Whether the reader needs this entry: zip-check keeps these inflated for it. */
export function isWorkbookPart(name: string): boolean {
  return name === RELS || name === WORKBOOK || name === SHARED_STRINGS || name === STYLES || WORKSHEET.test(name);
}
