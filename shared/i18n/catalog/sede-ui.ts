/** «Modo sede» screens: the organizer's venue screen, the join page, the devices' shells. Keys start with `sedeUi.`. */
export const sedeUi = {
  'sedeUi.title': 'Modo sede',
} as const;
