/** Jury scoring: jurors, conflicts, assignment, scoring, consolidation, workbooks, acta. Keys start with `jury.`. */
export const jury = {
  // Settings
  'jury.settings.jurorsPerEntry': 'El número de jurados por postulación debe estar entre 1 y 50.',
  'jury.settings.threshold': 'El umbral de discrepancia es una fracción del rango de la escala, mayor que 0 y hasta 1 (por ejemplo 0,25 = 25 %).',
  'jury.settings.criterionForeign': 'El criterio de desempate elegido no pertenece a esta edición.',

  // Jurors
  'jury.juror.notFound': 'No se encontró el miembro del jurado.',
  'jury.juror.nameTaken': 'Ya existe un miembro del jurado llamado «{name}» en esta edición.',
  'jury.juror.regionUnknown': 'La región «{region}» de la afiliación no se reconoce.',
  'jury.juror.igedUnknown': 'La IGED de la afiliación no existe.',
  'jury.juror.inUse': '«{name}» ya tiene {count} asignaciones o puntajes: retírelo del jurado en lugar de eliminarlo.',
  'jury.juror.withdrawn': '«{name}» fue retirado del jurado.',
  'jury.juror.foreign': 'El miembro del jurado no pertenece a esta edición.',

  // Panels
  'jury.panel.notFound': 'No se encontró el panel.',
  'jury.panel.categoryForeign': 'La categoría elegida no pertenece a la edición de la etapa.',
  'jury.panel.general': 'Panel general',
  'jury.stage.notFound': 'No se encontró la etapa.',

  // Conflicts
  'jury.conflict.notFound': 'No se encontró el conflicto de interés.',
  'jury.conflict.detail.iged': 'Afiliado a {iged}, la IGED que postula.',
  'jury.conflict.detail.dre': 'Afiliado a {iged}, la DRE/GRE de la que depende {entryIged}.',
  'jury.conflict.detail.region': 'Afiliación en la región {region} ({via}).',
  'jury.conflict.detail.regionDirect': 'afiliación directa a la región',
  'jury.conflict.alreadyDismissed': 'Ese conflicto ya fue descartado.',
  'jury.conflict.notDismissed': 'Ese conflicto está vigente.',
  'jury.conflict.blocksAssignment': '«{juror}» tiene un conflicto de interés con la postulación {code}: no puede evaluarla.',

  // Assignment
  'jury.assignment.notFound': 'La postulación {code} no está asignada a «{juror}» en esta etapa.',
  'jury.assignment.duplicate': 'La postulación {code} ya está asignada a «{juror}».',
  'jury.assignment.hasScores': 'No se puede quitar la asignación: «{juror}» ya registró puntajes para la postulación {code}.',
  'jury.assignment.noPanel': 'La postulación {code} no tiene panel en esta etapa: cree el panel de «{category}» o un panel general.',
  'jury.assignment.short':
    'La postulación {code} necesita {needed} jurados pero solo hay {possible} posibles en su panel ({members} miembros: {conflicted} con conflicto de interés, {withdrawn} retirados, {already} ya asignados).',
  'jury.assignment.unbalanced':
    'En el panel «{panel}» las cargas quedan entre {min} y {max} postulaciones por jurado: los conflictos de interés y las asignaciones existentes no permiten equilibrarlas más.',
  'jury.assignment.infeasible': 'No se puede completar la asignación automática: {detail} Revise los paneles o permita una asignación parcial.',
  'jury.assignment.noEntries': 'No hay postulaciones en esta etapa que necesiten jurados.',
  'jury.assignment.entryNotInStage': 'La postulación {code} no pasó a esta etapa.',

  // Scoring
  'jury.score.notNumber': 'Ingrese un número para «{criterion}».',
  'jury.score.outOfScale': 'El puntaje {value} está fuera de la escala de «{criterion}»: debe estar entre {min} y {max}.',
  'jury.score.offStep': 'El puntaje {value} no es válido para «{criterion}»: la escala avanza de {step} en {step} desde {min} (pruebe {below} o {above}).',
  'jury.score.criterionNotApplicable': 'El criterio «{criterion}» no se aplica a la categoría de esta postulación.',
  'jury.score.criterionForeign': 'El criterio no pertenece a esta edición.',
  'jury.score.submitted': 'Esta ficha ya fue enviada: pida a la organización que la reabra para modificarla.',
  'jury.score.stageClosed': 'La etapa «{stage}» está cerrada: los puntajes son de solo lectura.',
  'jury.score.abstained': 'La ficha está marcada como abstención o inhibición: quite la marca para calificar.',
  'jury.score.missing': 'Faltan puntajes en: {criteria}.',
  'jury.score.peersHidden': 'Podrá ver los puntajes de los demás jurados cuando envíe su propia ficha.',
  'jury.sheet.notSubmitted': 'La ficha no está enviada ni la etapa cerrada: no hay nada que reabrir.',
  'jury.sheet.notAbstained': 'La ficha no tiene abstención ni inhibición.',
  'jury.sheet.recuseConflict': 'Inhibición declarada en la ficha: {reason}',

  // Stage lock
  'jury.stage.alreadyClosed': 'La etapa «{stage}» ya está cerrada.',
  'jury.stage.notClosed': 'La etapa «{stage}» está abierta.',

  // Audit
  'jury.audit.actor.organizer': 'Organización',
  'jury.audit.actor.juror': 'Jurado: {name}',
  'jury.audit.actor.workbook': 'Libro del jurado: {name}',
  'jury.audit.brokenHash': 'El registro de auditoría n.º {id} fue modificado después de escrito (su huella no coincide).',
  'jury.audit.brokenLink': 'La cadena de auditoría se rompe en el registro n.º {id}: falta o se alteró el registro anterior.',

  // Workbooks (export)
  'jury.workbook.fileName': 'ficha-{stage}-{juror}',
  'jury.workbook.sheet.scores': 'Puntajes',
  'jury.workbook.sheet.rubric': 'Rúbrica',
  'jury.workbook.sheet.meta': 'meta',
  'jury.workbook.title': 'Ficha de evaluación — {edition} — {stage}',
  'jury.workbook.juror': 'Jurado: {juror}',
  'jury.workbook.instructions':
    'Escriba solo en las celdas blancas. Cada puntaje debe estar en la escala del criterio (vea la hoja «Rúbrica»). Guarde el archivo y entréguelo a la organización.',
  'jury.workbook.col.code': 'Código',
  'jury.workbook.col.title': 'Título de la práctica',
  'jury.workbook.col.category': 'Categoría',
  'jury.workbook.col.iged': 'IGED',
  'jury.workbook.col.region': 'Región',
  'jury.workbook.col.comment': 'Comentario general',
  'jury.workbook.col.scale': '{criterion} ({min}–{max})',
  'jury.workbook.notApplicable': 'no aplica',
  'jury.workbook.rubric.criterion': 'Criterio',
  'jury.workbook.rubric.weight': 'Peso',
  'jury.workbook.rubric.scale': 'Escala',
  'jury.workbook.rubric.level': 'Nivel',
  'jury.workbook.rubric.descriptor': 'Descriptor',
  'jury.workbook.validation.title': 'Puntaje',
  'jury.workbook.validation.error': 'Ingrese un número entre {min} y {max}, en pasos de {step}.',

  // Workbooks (import)
  'jury.workbook.notOurs': 'Este archivo no es una ficha de evaluación exportada por Concurso BPGE (no tiene la hoja de datos de control).',
  'jury.workbook.tampered': 'La ficha fue alterada y no se puede importar: {detail}. Exporte una ficha nueva para este jurado.',
  'jury.workbook.tampered.meta': 'los datos de control no coinciden con su firma',
  'jury.workbook.tampered.header': 'la celda {cell} del encabezado dice «{found}» en lugar de «{expected}»',
  'jury.workbook.tampered.cell': 'la celda protegida {cell} dice «{found}» en lugar de «{expected}»',
  'jury.workbook.tampered.sheet': 'falta la hoja «{sheet}»',
  'jury.workbook.wrongEdition': 'Esta ficha es de otra edición («{found}»), no de «{expected}».',
  'jury.workbook.wrongStage': 'Esta ficha es de otra etapa («{found}»), no de «{expected}».',
  'jury.workbook.wrongJuror': 'Esta ficha es de otro jurado («{found}»), no de «{expected}».',
  'jury.workbook.version': 'La ficha fue creada por una versión de la aplicación que esta no reconoce (formato {found}).',
  'jury.workbook.assignmentChanged':
    'La asignación de este jurado cambió desde que se exportó la ficha: se importan solo las postulaciones que siguen asignadas.',
  'jury.workbook.entryNotAssigned': 'La postulación {code} ya no está asignada a este jurado.',
  'jury.workbook.entryConflicted': 'El jurado tiene un conflicto de interés con la postulación {code}.',
  'jury.workbook.readOnly': 'La ficha de la postulación {code} es de solo lectura: {detail}',
  'jury.workbook.textValue': 'Se leyó «{text}» como {value}.',
  'jury.workbook.hasErrors': 'La ficha tiene {count} celdas con errores: corríjalas en el archivo y vuelva a cargarlo. No se importó nada.',
  'jury.workbook.tokenExpired': 'La vista previa ya no está disponible: vuelva a cargar el archivo.',
  'jury.workbook.changedSincePreview': 'Los puntajes cambiaron desde la vista previa: vuelva a cargar el archivo para revisarlos.',
} as const;
