// Scoring and standings (domain.md, "Scoring"): pure, explained line by line, no words for people.
export { aggregateFigure, type MonthValue } from './aggregate.ts';
export { bandsOn, completionBasis, completionOf } from './completion.ts';
export { roundPoints, scoreCriterion } from './criterion.ts';
export { rankUnits } from './rank.ts';
export { periodScope, rankStandings, reportIndex, scopeYear, scoreStandings, yearToDateScope } from './standings.ts';
export { scoreUnit, type UnitScore } from './unit-score.ts';
export type * from './types.ts';
