/** «Modo sede» (the venue network): what the server answers and records. Keys start with `sede.`. */
export const sede = {
  'sede.error.forbidden': 'Este dispositivo no tiene permiso para esta acción: su rol es {role}.',
  'sede.error.noSession': 'Este dispositivo no tiene una sesión abierta en la sede. Ingrese el código de invitación que le dio la organización.',
  'sede.actor.local': 'Organización (computadora de la sede)',
  'sede.role.organizador': 'organizador',
  'sede.role.jurado': 'jurado',
  'sede.role.moderador': 'moderador',
  'sede.role.registro': 'registro',
  'sede.role.proyector': 'proyector',
} as const;
