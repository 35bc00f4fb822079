/** Who did what (the device behind each recorded change) and edits that collided. Keys start with `who.`. */
export const who = {
  'who.recordedBy': 'Registrado por',
  'who.recordedByName': 'registrado por {name}',
  'who.checkedInBy': 'Asistencia marcada por',
  'who.checkedInByName': 'asistencia marcada por {name}',
  'who.unknown': '—',
} as const;
