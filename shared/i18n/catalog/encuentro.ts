/** The live Encuentro: panels, salas, capture, synthesis, projector, attendance, report. Keys start with `encuentro.`. */
export const encuentro = {} as const;
