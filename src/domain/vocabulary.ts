/**
 * Words the bot understands (input grammar, not user-facing text). Everything here is compared after
 * `foldText` (no diacritics, lower case), so "Hủy", "huy" and "HUY" are one word.
 */

/** Navigation words inside a conversation: never numbered, because on a figure step "2" is a figure. */
export const NAVIGATION_WORDS = {
  back: ['quay lai', 'quaylai', 'lai', 'back', '/quaylai', '/back'],
  skip: ['bo qua', 'boqua', 'skip', '/boqua', '/skip'],
  cancel: ['huy', 'huy bo', 'thoat', 'cancel', 'stop', '/huy', '/cancel'],
  /** Keep the figure already there (the one sent before, on a revision). */
  keep: ['giu', 'giu nguyen', 'keep', '/giu', '/keep'],
} as const;

export type NavigationWord = keyof typeof NAVIGATION_WORDS;

/** Words that answer "yes" to a send question ("gửi", "ok"). */
export const YES_WORDS = ['co', 'dong y', 'xac nhan', 'ok', 'yes', 'y', 'gui', 'send'];

/** Words that answer "no" to a confirmation ("không", "thôi"). */
export const NO_WORDS = ['khong', 'ko', 'k', 'thoi', 'no', 'n'];

/**
 * Words that confirm a figure the bot asked back ("đúng", "đúng rồi", "giữ"): the person keeps it. Only
 * read where such a question is open; never numbered.
 */
export const CONFIRM_WORDS = [
  'dung',
  'dung roi',
  'dung vay',
  'dung the',
  'chinh xac',
  'xac nhan',
  'giu',
  'giu nguyen',
  'co',
  'ok',
  'yes',
  'correct',
  'keep',
];

/** Words for "estimate" (số ước) and "note" (ghi chú) that may follow a figure. */
export const ESTIMATE_WORDS = ['uoc', 'uoc tinh', 'so uoc', 'estimate', 'est'];
