/** The entries import's review step: totals, choices per row, and what the buttons do. */
export const importReview = {
  'importReview.rows': 'Filas',
  'importReview.problemRows': 'Filas con problemas',
  'importReview.excluded': 'Dejadas fuera',
  'importReview.errors': 'Errores',
  'importReview.warnings': 'Advertencias',
  'importReview.ready':
    'Todo listo: {count, plural, one {se importará 1 fila} other {se importarán # filas}} ({new, plural, one {1 nueva} other {# nuevas}}, {update, plural, one {1 con cambios} other {# con cambios}}).',
  'importReview.nothing':
    'Nada que importar: {count, plural, =0 {no queda ninguna fila por importar} one {la fila ya está registrada tal como viene en el archivo} other {las # filas ya están registradas tal como vienen en el archivo}}.',
  'importReview.problems':
    '{count, plural, one {1 fila tiene problemas y no se importará} other {# filas tienen problemas y no se importarán}} mientras no los resuelva. Puede resolverlos aquí, dejar filas fuera o importar solo las filas válidas.',
  'importReview.problemsShort': '{count, plural, one {1 fila tiene problemas} other {# filas tienen problemas}}.',
  'importReview.readyShort': 'Revisión lista: {count, plural, one {1 fila por importar} other {# filas por importar}}.',
  'importReview.nothingShort': 'Revisión lista: nada que importar.',
  'importReview.issues': '{count, plural, one {1 problema encontrado} other {# problemas encontrados}}',
  'importReview.rowsTitle': 'Filas del archivo ({count})',
  'importReview.col.include': 'Importar',
  'importReview.col.changes': 'Cambios',
  'importReview.include': 'Importar la fila {row}',
  'importReview.change': '{field}: «{from}» → «{to}»',
  'importReview.empty': '(vacío)',
  'importReview.similar': 'Parecida a {code} ({edition}): «{title}»',
  'importReview.resolveTitle': 'Decisiones pendientes',
  'importReview.resolveIntro':
    'Estas IGED o categorías no se reconocen. Elija la que corresponde, cree la categoría, o deje las filas fuera (casilla «Importar» de cada fila). Nada se adivina.',
  'importReview.pickIged': 'IGED para «{value}» ({count, plural, one {1 fila} other {# filas}})',
  'importReview.pickCategory': 'Categoría para «{value}» ({count, plural, one {1 fila} other {# filas}})',
  'importReview.pickNone': '— Sin elegir (la fila queda fuera) —',
  'importReview.createCategory': 'Crear la categoría «{value}»',
  'importReview.categoryCreated': 'Se creó la categoría «{name}».',
  'importReview.igedListHint': 'La lista de DRE/GRE y UGEL se administra en «IGED / Referencias».',
  'importReview.commitValid': 'Importar las filas válidas ({count})',
  'importReview.downloadLeftOut': 'Descargar las filas no importadas (.xlsx)',
  'importReview.leftOutHint': 'El libro trae las celdas originales y una columna con el problema de cada fila: corríjalo y vuelva a cargarlo.',
  'importReview.doneLeftOut': '{count, plural, one {1 fila quedó fuera} other {# filas quedaron fuera}} de la importación.',
  // The entry form's near-duplicate warning (same wording as the import's).
  'entryForm.similarIntro': 'Posible duplicado: la misma IGED ya tiene una postulación con un título muy parecido.',
  'entryForm.similarPair': 'Este título: «{title}» — {code} ({edition}): «{other}»',
} as const;
