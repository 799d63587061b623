export { FIGURE_ERROR_KEYS } from './figure-reading.ts';
export type { AmbiguityReason, FigureErrorKey, FigureReading, ReadingNotes } from './figure-reading.ts';
export { readFigure } from './read-figure.ts';
export { inValidRange, settle } from './valid-range.ts';
export { exampleFor, formatFigure, formatNumber, formatPercent, percentOfPlan } from './format-figure.ts';
export { MAX_FIGURE_LENGTH, normaliseFigureText } from './normalise.ts';
export { RATIO_CONNECTORS, UNIT_PHRASES, lookupUnitPhrase } from './vocabulary.ts';
export { MAGNITUDE_SCALES, magnitudeOf, type Magnitude, type MagnitudeScale } from './magnitude.ts';
export { readAsShareOfPlan } from './read-share.ts';
