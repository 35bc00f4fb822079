/** How a venue session's role and scope read in lists of invitations and devices. Keys start with `access.`. */
export const access = {
  'access.scope.organizador': 'Organizador',
  'access.scope.jurado': 'Jurado: {juror} · {edition}',
  'access.scope.moderador': 'Moderador: {salas} · {encuentro}',
  'access.scope.registro': 'Registro · {encuentro}',
  'access.scope.proyectorSala': 'Proyector: {sala} · {encuentro}',
  'access.scope.proyectorPractice': 'Proyector: {practice} · {encuentro}',
  'access.scope.proyectorPracticeSala': 'Proyector: {practice} ({sala}) · {encuentro}',
  'access.scope.proyectorEncuentro': 'Proyector · {encuentro}',
  'access.scope.listSeparator': ', ',
  'access.scope.missing': '(ya no existe)',
} as const;
