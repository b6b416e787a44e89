/**
 * The categories of delegations, without zod, so that the screens can use them without bringing
 * the schemas into their bundles. shared/protocol/common.ts builds its schema from this list.
 */
export const CATEGORIES = ['member-state', 'observer', 'un-system', 'stakeholder'] as const;
export type Category = (typeof CATEGORIES)[number];

/** States (Member States and observer States) come first under the default queue policy. */
export const isStateCategory = (category: Category): boolean =>
  category === 'member-state' || category === 'observer';

export const CATEGORY_LABEL: Record<Category, string> = {
  'member-state': 'Member State',
  observer: 'Observer State',
  'un-system': 'UN system',
  stakeholder: 'Stakeholder',
};
