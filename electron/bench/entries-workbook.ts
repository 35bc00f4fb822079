import ExcelJS from 'exceljs';
import { DRE_GRE } from '../../shared/domain/regions';

export const BENCH_CATEGORIES = ['Contribución al buen inicio del año escolar', 'Liderazgo para la mejora de los aprendizajes', 'Mejora de la atención al ciudadano'];

const HEADERS = [
  'Código',
  'Región',
  'IGED',
  'Título de la práctica',
  'Categoría',
  'Año de inicio',
  'Resumen',
  'Problema abordado',
  'Resultados',
  'Evidencias',
  'Responsable',
  'Cargo',
  'Correo electrónico',
  'Teléfono',
  'Equipo',
];

const WORDS = ['gestión', 'escuela', 'monitoreo', 'acompañamiento', 'materiales', 'docentes', 'aprendizajes', 'ciudadano', 'calendarización', 'región', 'participación', 'evaluación'];

/** A deterministic pseudo-random sentence, so every run reads the same file. */
function sentence(seed: number, words: number): string {
  let x = seed * 2654435761;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length] ?? 'gestión');
  }
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/** An entries workbook as organizers fill it: 15 columns, Spanish text, shared strings (like Excel). */
export async function writeEntriesWorkbook(file: string, rows: number): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = writer.addWorksheet('Postulaciones');
  sheet.addRow(HEADERS).commit();
  for (let i = 1; i <= rows; i++) {
    const dre = DRE_GRE[i % DRE_GRE.length] ?? DRE_GRE[0];
    sheet
      .addRow([
        `BP-${String(i).padStart(5, '0')}`,
        dre?.region ?? '',
        dre?.name ?? '',
        `${sentence(i, 6)} (${i})`,
        BENCH_CATEGORIES[i % BENCH_CATEGORIES.length] ?? '',
        2015 + (i % 10),
        sentence(i + 1, 30),
        sentence(i + 2, 20),
        sentence(i + 3, 20),
        `https://evidencias.example.pe/${i}\nhttps://youtu.be/v${i}`,
        `Responsable ${i}`,
        'Especialista en Educación',
        `persona${i}@ugel.gob.pe`,
        `9${String(10_000_000 + i).slice(-8)}`,
        sentence(i + 4, 8),
      ])
      .commit();
  }
  await sheet.commit();
  await writer.commit();
}
