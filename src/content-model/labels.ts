/** Chinese labels for the model's enum values, shared by pages and data downloads. */
export { CORRECTION_KINDS, MEASURE_KINDS, ROLE_KINDS, SECTION_KINDS } from './schema.ts';

export const PRECISION_LABELS = { year: '年', month: '月', day: '日' } as const;
