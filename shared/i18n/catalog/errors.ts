/** Messages the services send back when they refuse something. Keys start with `error.`. */
export const errors = {
  'error.unexpected': 'Ocurrió un error inesperado: {detail}. Sus datos no se modificaron.',
  'error.validation': 'Revise los datos ingresados: {detail}',
  'error.forbidden': 'Remitente no autorizado.',
  'error.projectorRoute': 'Ruta de proyector no válida.',
  'error.unknownMethod': 'Operación desconocida: {method}.',
  'error.notFound': 'No se encontró {what}.',
  // What error.notFound did not find, with its article («No se encontró la postulación.»).
  'error.what.item': 'el elemento',
  'error.what.entry': 'la postulación',
  'error.what.criterion': 'el criterio',
  'error.what.assignment': 'la asignación',
  'error.what.tieDecision': 'la decisión de desempate',
  'error.reorderMismatch': 'La lista para ordenar no coincide con los elementos actuales; recargue la pantalla.',
  'error.transport': 'No se pudo comunicar con el servicio de la aplicación. Verifique que siga abierto.',
  // Plain-text answers of the HTTP transport (serve mode) to requests it refuses.
  'error.http.badRequest': 'Solicitud mal formada.',
  'error.http.hostRefused': 'Host no permitido.',
  'error.http.originRefused': 'Origen no permitido.',
  'error.http.notFound': 'No encontrado.',
  'error.http.methodNotAllowed': 'Método no permitido.',
  'error.http.tooLarge': 'Solicitud demasiado grande.',
  'error.http.badJson': 'JSON inválido.',
  'error.http.forbidden': 'Prohibido.',
  'error.http.noBuild': 'No se encontró la interfaz compilada: ejecute «npm run build».',
  'error.http.internal': 'Error interno del servidor; la solicitud no se completó y el servicio sigue en marcha.',
  'error.db.newerVersion':
    'Esta base de datos fue creada por una versión más reciente de Concurso BPGE (esquema {found}; esta versión conoce hasta el {supported}). Actualice la aplicación. El archivo no se ha modificado.',
  'error.db.corrupt':
    'La base de datos no pasó la verificación de integridad: está dañada. No se ha modificado. Restaure una copia de seguridad.',
  'error.db.migrationFailed':
    'No se pudo actualizar la base de datos {file} a esta versión de Concurso BPGE (paso {step}): sus datos tienen algo que esta versión no sabe convertir. El archivo quedó como estaba antes de ese paso, y antes de actualizar se guardó una copia de seguridad. Restaure una copia o vuelva a la versión anterior de la aplicación, y comunique este detalle al equipo técnico: {detail}',
  'error.db.notSqlite': 'El archivo {file} no es una base de datos de Concurso BPGE.',
  'error.db.unavailable': 'La base de datos no está disponible: {detail}',
  'error.db.empty':
    'El archivo de la base de datos {file} existe pero está vacío (0 bytes): sus datos no están en él. Suele ocurrir cuando se interrumpe una copia o una sincronización del archivo. Restaure una copia de seguridad; si no tiene ninguna y quiere empezar de cero, mueva o borre ese archivo y vuelva a abrir la aplicación.',
  'error.db.unreadableFile':
    'No se puede leer el archivo de la base de datos {file}. Verifique que sea un archivo (no una carpeta) y que tenga permiso de lectura, o restaure una copia de seguridad.',
  'error.db.walWithoutDb':
    'Falta el archivo de la base de datos {file}, pero quedó su diario de cambios ({file}-wal). No se crea una base nueva para no perder esos cambios: vuelva a poner el archivo en su lugar o restaure una copia de seguridad.',
  'error.db.full':
    'No queda espacio en el disco para guardar los datos. Libere espacio (borre o mueva archivos que no necesite) y vuelva a intentarlo. Lo último que hizo no se guardó; lo anterior sigue guardado.',
  'error.db.damaged':
    'La base de datos está dañada y no se pudo leer. Lo último que hizo no se guardó. Restaure una copia de seguridad en «Copias de seguridad» (el archivo actual se guarda aparte).',
  'error.db.readonly':
    'No se puede escribir en el archivo de la base de datos: es de solo lectura o falta permiso. Verifique los permisos del archivo y de su carpeta, o que la unidad no esté protegida contra escritura. Lo último que hizo no se guardó.',
  'error.db.busy':
    'La base de datos está ocupada por otro programa. Cierre el programa que la tenga abierta (por ejemplo, un visor de SQLite) y vuelva a intentarlo. Lo último que hizo no se guardó.',
  'error.db.io':
    'No se pudo leer o escribir el archivo de la base de datos (error del disco o de la unidad). Verifique que la unidad siga conectada y tenga espacio, y vuelva a intentarlo; si el error se repite, restaure una copia de seguridad.',
  'error.db.locked':
    'La base de datos {file} ya está abierta en {program} (proceso {pid} del equipo «{host}», desde el {since}). Ciérrela allí antes de abrirla aquí: dos programas a la vez sobre el mismo archivo perderían datos.',
  'error.db.lockedOtherHost':
    '{message} Si ese equipo ya no usa este archivo (por ejemplo, la carpeta se copió desde él), borre el archivo {lockFile} y vuelva a intentarlo.',
  'error.db.lockFailed': 'No se pudo reservar la base de datos {file} para esta aplicación: {cause}',
  'error.db.lockContended': 'Otro programa intenta abrir la base de datos {file} al mismo tiempo. Vuelva a intentarlo en unos segundos.',
  'error.db.lock.program.desktop': 'la aplicación de escritorio Concurso BPGE',
  'error.db.lock.program.serve': 'el modo servidor de Concurso BPGE (npm run serve)',
  'error.db.lock.program.other': 'otro programa de Concurso BPGE',
  'error.backup.failed': 'No se pudo crear la copia de seguridad en la carpeta {dir}: {cause}',
  'error.backup.cause.full': 'no queda espacio en el disco. Libere espacio.',
  'error.backup.cause.folder':
    'en lugar de la carpeta hay un archivo con ese nombre, o no se puede escribir en ella. Mueva ese archivo o corrija los permisos.',
  'error.backup.cause.readonly': 'la carpeta o la unidad es de solo lectura. Corrija los permisos.',
  'error.backup.cause.other': 'error del disco o de la unidad. Verifique que siga conectada y tenga espacio.',
  'error.backup.notFound': 'No existe la copia de seguridad «{name}».',
  'error.backup.invalid': 'La copia «{name}» no se puede restaurar: {detail}. No se cambió nada.',
  'error.edition.notFound': 'No se encontró la edición solicitada.',
  'error.edition.nameTaken': 'Ya existe una edición llamada «{name}».',
  'error.edition.archived': 'La edición «{name}» está archivada: desarchívela para modificarla.',
  'error.edition.datesOrder': 'La fecha de fin no puede ser anterior a la fecha de inicio.',
  'error.category.nameTaken': 'Ya existe una categoría llamada «{name}» en esta edición.',
  'error.category.inUse': 'La categoría «{name}» tiene {count} postulaciones: reasígnelas antes de eliminarla.',
  'error.criterion.nameTaken': 'Ya existe un criterio llamado «{name}» en esta edición.',
  'error.criterion.weightPositive': 'El peso de un criterio debe ser mayor que cero.',
  'error.criterion.scaleOrder': 'En la escala, el mínimo ({min}) debe ser menor que el máximo ({max}).',
  'error.criterion.scaleStep': 'El paso de la escala debe ser mayor que cero y no mayor que el rango ({range}).',
  'error.criterion.scoresOutsideScale':
    'La nueva escala {min}–{max} de «{name}» deja fuera puntajes que los jurados ya dieron (en total: {count}). Corrija esos puntajes o conserve una escala que los incluya.',
  'error.criterion.levelOutOfScale': 'El nivel {value} está fuera de la escala {min}–{max}.',
  'error.criterion.levelDuplicate': 'El nivel {value} está repetido en la rúbrica.',
  'error.criterion.categoryForeign': 'Una de las categorías elegidas no pertenece a esta edición.',
  'error.stage.nameTaken': 'Ya existe una etapa llamada «{name}» en esta edición.',
  'error.stage.cutoffNegative': 'La nota de corte no puede ser negativa.',
  'error.stage.inUse': 'La etapa «{name}» ya tiene estados registrados en {count} postulaciones.',
  'error.entry.notFound': 'No se encontró la postulación.',
  'error.entry.codeTaken': 'Ya existe una postulación con el código «{code}» en esta edición.',
  'error.entry.igedUnknown': 'La IGED seleccionada no existe. Las DRE/GRE y UGEL que la aplicación conoce se administran en «IGED / Referencias».',
  'error.entry.categoryForeign': 'La categoría elegida no pertenece a esta edición.',
  'error.entry.stageForeign': 'La etapa elegida no pertenece a esta edición.',
  'error.entry.reasonRequired': 'Indique el motivo cuando la postulación no pasa o queda observada.',
  'error.entry.regionUnknown': 'La región «{region}» no se reconoce.',
  'validation.required': 'Este campo es obligatorio.',
  'validation.tooLong': 'El texto no puede superar {max} caracteres.',
  'validation.email': 'Ingrese un correo electrónico válido.',
  'validation.year': 'Ingrese un año entre {min} y {max}.',
  'validation.date': 'Ingrese una fecha válida (AAAA-MM-DD).',
  'validation.number': 'Ingrese un número.',
  'validation.url': 'Cada enlace debe empezar por http:// o https://.',
} as const;
