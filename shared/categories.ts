/**
 * The categories of delegations, without zod, so that the screens can use them without bringing
 * the schemas into their bundles. shared/protocol/common.ts builds its schema from this list.
 */
export const CATEGORIES = ['member-state', 'observer', 'igo', 'un-system', 'stakeholder'] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * States (Member States and observer States) come first under the default queue policy; the
 * others are intergovernmental organizations (`igo`, contract version 2: the European Union and
 * other observers that are not States), the UN system and the other accredited stakeholders.
 */
export const isStateCategory = (category: Category): boolean =>
  category === 'member-state' || category === 'observer';

export const CATEGORY_LABEL: Record<Category, string> = {
  'member-state': 'Member State',
  observer: 'Observer State',
  igo: 'Intergovernmental organization',
  'un-system': 'UN system',
  stakeholder: 'Stakeholder',
};
