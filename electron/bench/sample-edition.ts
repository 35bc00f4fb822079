/** The edition the benchmark imports into. */
export const sampleEditionFields = {
  year: 2024,
  name: 'Banco de pruebas de importación',
  lema: '',
  legalReference: '',
  startDate: '',
  endDate: '',
};
