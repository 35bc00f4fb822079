// Regenerates resources/reference/ugel-2024.json from ugel-2024.csv (the public list, kept as
// received). The app loads the JSON: a JSON import works the same under Vite, vitest and tsx,
// where a CSV would need a bundler plugin. tests/unit/builtin-ugels.test.ts keeps the two equal.
import fs from 'node:fs';
import Papa from 'papaparse';

const dir = new URL('../resources/reference/', import.meta.url);
const csv = fs.readFileSync(new URL('ugel-2024.csv', dir), 'utf8');
const { data } = Papa.parse(csv, { header: true, skipEmptyLines: true });
const rows = data.map((row) => ({ dreCode: row.codigo_dre, dreName: row.dre, code: row.codigo_ugel, name: row.ugel }));
fs.writeFileSync(new URL('ugel-2024.json', dir), `[\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]\n`);
console.log(`${rows.length} UGEL`);
