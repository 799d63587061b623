/**
 * Folds text for matching names typed on a phone: lower case, no diacritics, single spaces.
 * "đ" has no decomposition in Unicode, so NFD leaves it whole: fold it by hand.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
