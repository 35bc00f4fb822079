import { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';

/** Small builders over the `docx` package, so the report reads as a list of sections. */

export type Block = Paragraph | Table;

export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const levels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  return new Paragraph({ heading: levels[level], spacing: { before: level === 1 ? 360 : 240, after: 120 }, children: [new TextRun(text)] });
}

export function para(text: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text, bold: options.bold ?? false, italics: options.italics ?? false })] });
}

export function runs(...children: ParagraphChild[]): Paragraph {
  return new Paragraph({ spacing: { after: 120 }, children });
}

export function bullet(text: string | ParagraphChild[], level = 0): Paragraph {
  return new Paragraph({ bullet: { level }, children: typeof text === 'string' ? [new TextRun(text)] : text });
}

export function bold(text: string): TextRun {
  return new TextRun({ text, bold: true });
}

export function plain(text: string): TextRun {
  return new TextRun(text);
}

export type CellContent = string | Paragraph[];

export function cell(content: CellContent, options: { header?: boolean; span?: number; widthPct?: number } = {}): TableCell {
  const children = typeof content === 'string' ? [new Paragraph({ children: [new TextRun({ text: content, bold: options.header ?? false })] })] : content;
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph('')],
    ...(options.header ? { shading: { fill: 'D9E2F3' } } : {}),
    ...(options.span ? { columnSpan: options.span } : {}),
    ...(options.widthPct ? { width: { size: options.widthPct, type: WidthType.PERCENTAGE } } : {}),
  });
}

/** A table whose rows never break across pages (cantSplit) and whose header row repeats on each page. */
export function table(header: TableCell[] | null, rows: TableCell[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      ...(header ? [new TableRow({ tableHeader: true, cantSplit: true, children: header })] : []),
      ...rows.map((children) => new TableRow({ cantSplit: true, children })),
    ],
  });
}

/** "Name (Institution)", or "Name – Institution" when the institution has parentheses of its own: never «(ENAP (SERVIR))». */
export function nameWithInstitution(name: string, institution: string): string {
  if (!institution) return name;
  if (!name) return institution;
  return /[()]/.test(institution) ? `${name} – ${institution}` : `${name} (${institution})`;
}

/** A cell's list of items, one bullet each, as the report's tables show them. */
export function bulletList(texts: string[], emptyText: string): Paragraph[] {
  return texts.length === 0 ? [new Paragraph(emptyText)] : texts.map((text) => bullet(text));
}

/** Space after a table (Word glues the next paragraph to it otherwise). */
export function gap(): Paragraph {
  return new Paragraph({ spacing: { after: 120 }, children: [] });
}
