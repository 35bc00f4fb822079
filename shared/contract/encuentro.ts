/** The live Encuentro (issue: panels, salas, moderator capture, synthesis, projector, attendance, report). */
export const encuentroMethods = {};
