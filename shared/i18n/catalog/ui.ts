/** Labels of the screens. Keys start with the screen's name. */
export const ui = {
  'nav.editions': 'Ediciones',
} as const;
