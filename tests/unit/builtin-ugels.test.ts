import fs from 'node:fs';
import Papa from 'papaparse';
import { expect, it } from 'vitest';
import ugelList from '../../resources/reference/ugel-2024.json';

it('la lista incluida (JSON) es exactamente la del CSV público: 224 UGEL bajo 26 DRE/GRE', () => {
  const csv = fs.readFileSync(new URL('../../resources/reference/ugel-2024.csv', import.meta.url), 'utf8');
  const { data } = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(ugelList).toEqual(data.map((row) => ({ dreCode: row.codigo_dre, dreName: row.dre, code: row.codigo_ugel, name: row.ugel })));
  expect(ugelList).toHaveLength(224);
  expect(new Set(ugelList.map((ugel) => ugel.dreName)).size).toBe(26);
  expect(new Set(ugelList.map((ugel) => ugel.code)).size).toBe(224);
});
