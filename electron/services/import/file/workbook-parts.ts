/** The ZIP entries the xlsx reader uses, by name (kept apart from it: nothing to load here). */
export const RELS = 'xl/_rels/workbook.xml.rels';
export const WORKBOOK = 'xl/workbook.xml';
export const SHARED_STRINGS = 'xl/sharedStrings.xml';
export const STYLES = 'xl/styles.xml';
/** A worksheet: Excel names them sheetN.xml, other producers as they like. */
export const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;

/** Whether the reader needs this entry: zip-check keeps these inflated for it. */
export function isWorkbookPart(name: string): boolean {
  return name === RELS || name === WORKBOOK || name === SHARED_STRINGS || name === STYLES || WORKSHEET_PART.test(name);
}
