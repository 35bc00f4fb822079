/** Messages of the workbook import (entries and UGEL reference data). Keys start with `import.`. */
export const importMessages = {
  'import.error.tooLarge': 'El archivo pesa {size} MB; el máximo permitido es {max} MB.',
  'import.error.empty': 'El archivo está vacío.',
} as const;
