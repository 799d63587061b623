export { validationFinding, type ValidationContext, type ValidationFinding, type ValidationRule } from './rules.ts';
