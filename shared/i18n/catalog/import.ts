/** Messages of the workbook import (entries and UGEL reference data). Keys start with `import.`. */
export const importMessages = {
  // The file as a whole: each ends the import before anything is read or written.
  'import.error.tooLarge': 'El archivo pesa {size} MB; el máximo permitido es {max} MB.',
  'import.error.uploadTooLarge': 'El archivo supera el máximo permitido de {max} MB.',
  'import.error.empty': 'El archivo está vacío.',
  'import.error.noRows': 'El archivo «{file}» no contiene filas con datos.',
  'import.error.unsupportedFormat':
    'El archivo «{file}» no es un libro de Excel (.xlsx) ni un archivo CSV. Guárdelo como .xlsx o .csv e inténtelo de nuevo.',
  'import.error.notXlsx':
    'El archivo «{file}» no es un libro de Excel válido: su contenido no corresponde a un .xlsx (¿está dañado o se le cambió la extensión?).',
  'import.error.notText': 'El archivo «{file}» no es un archivo de texto CSV: su contenido es binario.',
  'import.error.encrypted':
    'El libro «{file}» está protegido con contraseña y no se puede leer. Ábralo en Excel, quite la contraseña (Archivo › Información › Proteger libro › Cifrar con contraseña) y guárdelo de nuevo.',
  'import.error.legacyXls':
    'El archivo «{file}» está en el formato antiguo de Excel (.xls). Ábralo en Excel y guárdelo como «Libro de Excel (*.xlsx)».',
  'import.error.truncated':
    'El archivo «{file}» está incompleto o dañado (por ejemplo, una descarga interrumpida). Vuelva a descargarlo o guárdelo de nuevo desde Excel.',
  'import.error.unsafeEntryName':
    'El archivo «{file}» no es seguro y no se leyó: contiene una parte interna con una ruta que apunta fuera del libro («{entry}»), algo que Excel nunca escribe. Ábralo en Excel, guárdelo de nuevo como .xlsx o pida otra copia a quien lo envió.',
  'import.error.noWorkbook':
    'El archivo «{file}» no contiene un libro de Excel. Si viene de otro programa (por ejemplo, LibreOffice .ods), guárdelo como .xlsx.',
  'import.error.zipBomb':
    'El archivo «{file}» ocupa más de {max} MB al descomprimirse y no se procesará. Si sus datos son legítimos, divídalos en archivos más pequeños.',
  'import.error.suspiciousCompression':
    'El archivo «{file}» tiene una compresión anómala, propia de archivos maliciosos, y no se procesará.',
  'import.error.tooManyEntries': 'El archivo «{file}» contiene demasiadas partes internas ({count}); no parece un libro de Excel normal.',
  'import.error.tooManyRows':
    'La hoja «{sheet}» tiene más de {max} filas con datos, el máximo para esta importación. Divida el archivo en partes más pequeñas.',
  'import.error.tooManyColumns':
    'La hoja «{sheet}» tiene datos en más de {max} columnas, el máximo permitido. Elimine las columnas que no se importan.',
  'import.error.cellTooLong':
    'La celda {cell} de la hoja «{sheet}» tiene {length} caracteres; una celda admite como máximo {max} (el límite de Excel). Acorte ese texto en el archivo e inténtelo de nuevo.',
  'import.error.tooMuchText':
    'El archivo «{file}» tiene más de {max} millones de caracteres de texto una vez leído (por ejemplo, un texto largo repetido en miles de celdas). Quite el texto repetido o divida el archivo en partes más pequeñas.',
  'import.error.timeout':
    'La lectura del archivo «{file}» superó el tiempo máximo ({seconds} s) y se canceló. El archivo puede estar dañado o ser demasiado grande.',
  'import.error.outOfMemory': 'El archivo «{file}» necesita demasiada memoria para leerse y se canceló. Divídalo en archivos más pequeños.',
  'import.error.unreadable': 'No se pudo leer el archivo «{file}»: está dañado o no es un libro de Excel válido.',
  'import.error.busy': 'Ya se están leyendo otros archivos. Espere a que terminen e inténtelo de nuevo.',

  // The two-step flow.
  'import.error.tokenExpired': 'La vista previa de esta importación caducó o ya no existe. Vuelva a elegir el archivo.',
  'import.error.sheetMissing': 'La hoja elegida no existe en el archivo.',
  'import.error.hasErrors':
    '{count, plural, one {Una fila tiene problemas} other {# filas tienen problemas}}: resuélvalos en la revisión, deje esas filas fuera o use «Importar las filas válidas». No se guardó nada.',
  'import.error.nothingToImport': 'No hay filas para importar.',
  'import.error.nothingLeftOut': 'Ninguna fila queda fuera de esta importación.',

  // The rows a commit leaves out, as a workbook to correct and import again.
  'import.leftOut.problemColumn': 'Problema al importar',
  'import.leftOut.excluded': 'Usted dejó esta fila fuera en la revisión.',
  'import.leftOut.title': 'Filas no importadas de «{file}»',
  'import.leftOut.fileName': '{base}-filas-no-importadas.xlsx',

  // Column mapping.
  'import.column.unnamed': 'Columna {letter}',
  'import.mapping.missing': 'Asigne una columna a «{field}»: es obligatoria.',
  'import.mapping.outOfRange': 'La columna asignada a «{field}» no existe en la hoja.',
  'import.mapping.duplicate': 'La columna «{column}» está asignada a dos campos: «{first}» y «{second}».',
  'import.preview.moreIssues': 'Se muestran los primeros {shown} problemas de {total}.',

  // One row of the entries file.
  'import.row.cellError': 'La celda tiene un error de Excel ({value}).',
  'import.row.igedUnknown':
    'IGED no reconocida: «{value}». Elíjala de la lista o deje la fila fuera. Las DRE/GRE y UGEL que la aplicación conoce se administran en «IGED / Referencias».',
  'import.row.igedAmbiguous': 'La IGED «{value}» coincide con varias: {candidates}. Elija cuál en la lista, o indique la región en el archivo.',
  'import.row.regionUnknown': 'Región no reconocida: «{value}». Al elegir la IGED, la fila toma la región de esa IGED.',
  'import.row.regionIgnored': 'Región no reconocida: «{value}». Se usa la de {iged}: {region}.',
  'import.row.mappingIncomplete': 'La fila no se revisó: la asignación de columnas está incompleta.',
  'import.row.regionMismatch': 'La región «{value}» no corresponde a {iged}, que pertenece a {region}.',
  'import.row.categoryUnknown':
    'Categoría no reconocida: «{value}». Elija una de esta edición ({valid}), créela desde la revisión o deje la fila fuera.',
  'import.row.noCategories': 'Categoría «{value}»: esta edición aún no tiene categorías. Créela desde la revisión o deje la fila fuera.',
  'import.row.yearInvalid': 'Año de inicio no válido: «{value}». Escriba un año de cuatro cifras.',
  'import.row.codeRepeated': 'El código «{code}» ya aparece en la fila {first} del archivo.',
  'import.row.practiceRepeated': 'Esta práctica (misma IGED y título) ya aparece en la fila {first} del archivo.',
  'import.row.titleAmbiguous':
    'Hay varias postulaciones con este título en la misma IGED; agregue una columna de código para indicar cuál actualizar.',
  'import.row.sameTarget': 'Esta fila y la fila {first} actualizarían la misma postulación ({code}).',
  'import.row.similarExists': 'Ya existe una postulación de la misma IGED con este título ({codes}); se creará otra con el código {code}.',
  'import.row.nearDuplicate':
    'Posible duplicado: la postulación {code} ({edition}), de la misma IGED, tiene un título muy parecido. En el archivo: «{title}». Registrada: «{other}».',

  // UGEL reference data (ESCALE padrón).
  'import.ugel.noColumns':
    'No se encontraron en «{file}» las columnas del padrón ({columns}): se necesitan el código de la UGEL, su nombre y su DRE/GRE.',
  'import.ugel.missingCode':
    '{count, plural, one {Una fila no tiene código de UGEL y se omite.} other {# filas no tienen código de UGEL y se omiten (la primera es esta).}}',
  'import.ugel.missingName': 'La UGEL con código {code} no tiene nombre y se omite.',
  'import.ugel.isDre': 'El código {code} («{name}») corresponde a una DRE/GRE, no a una UGEL; se omite.',
  'import.ugel.conflictingName': 'El código {code} aparece con nombres distintos («{first}» y «{other}»); se usa el primero.',
  'import.ugel.conflictingDre': 'El código {code} aparece con DRE/GRE distintas («{first}» y «{other}»); se usa la primera.',
  'import.ugel.dreUnknown': 'DRE/GRE no reconocida: «{value}». La UGEL {code} «{name}» no se importará.',
  'import.ugel.dreAmbiguous': 'La DRE/GRE «{value}» coincide con varias ({options}). La UGEL {code} «{name}» no se importará.',
  'import.ugel.nothing': 'El archivo no contiene UGEL que se puedan importar.',
} as const;
