import type { Names } from '../../protocol/agenda';

/**
 * The default roster's organizations in the five other languages: the European Union and the
 * entities of the UN system, by the names the UN's documents give them in each language (their
 * UNTERM entries; the French names of IOM, UNHCR, UNDP and UNICEF and UNHCR's Spanish and
 * Chinese were also read on the UN's, IOM's and UNHCR's own pages), each with the acronym that language
 * uses where it has one (the Arabic names, like the UN's Arabic documents, mostly have none; the
 * World Bank Group's only in English). CLDR has no names for organizations, so these are written
 * here, not generated: the chair edits them like the rest of the roster.
 *
 * The stakeholders of the roster (trade unions, civil society networks, a business mechanism)
 * have no names here: most have no name of their own in these languages, and a name the
 * organization never chose would be a translation of ours. Screens show their English name.
 */
export const ORGANIZATION_NAMES: Readonly<Record<string, Required<Names>>> = {
  'european-union': {
    ar: 'الاتحاد الأوروبي',
    zh: '欧洲联盟',
    fr: 'Union européenne',
    ru: 'Европейский союз',
    es: 'Unión Europea',
  },
  iom: {
    ar: 'المنظمة الدولية للهجرة',
    zh: '国际移民组织（移民组织）',
    fr: 'Organisation internationale pour les migrations (OIM)',
    ru: 'Международная организация по миграции (МОМ)',
    es: 'Organización Internacional para las Migraciones (OIM)',
  },
  unhcr: {
    ar: 'مفوضية الأمم المتحدة لشؤون اللاجئين',
    zh: '联合国难民事务高级专员办事处（难民署）',
    fr: 'Haut-Commissariat des Nations Unies pour les réfugiés (HCR)',
    ru: 'Управление Верховного комиссара Организации Объединенных Наций по делам беженцев (УВКБ)',
    es: 'Oficina del Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR)',
  },
  undp: {
    ar: 'برنامج الأمم المتحدة الإنمائي',
    zh: '联合国开发计划署（开发署）',
    fr: 'Programme des Nations Unies pour le développement (PNUD)',
    ru: 'Программа развития Организации Объединенных Наций (ПРООН)',
    es: 'Programa de las Naciones Unidas para el Desarrollo (PNUD)',
  },
  unicef: {
    ar: 'منظمة الأمم المتحدة للطفولة (اليونيسف)',
    zh: '联合国儿童基金会（儿基会）',
    fr: "Fonds des Nations Unies pour l'enfance (UNICEF)",
    ru: 'Детский фонд Организации Объединенных Наций (ЮНИСЕФ)',
    es: 'Fondo de las Naciones Unidas para la Infancia (UNICEF)',
  },
  ilo: {
    ar: 'منظمة العمل الدولية',
    zh: '国际劳工组织（劳工组织）',
    fr: 'Organisation internationale du Travail (OIT)',
    ru: 'Международная организация труда (МОТ)',
    es: 'Organización Internacional del Trabajo (OIT)',
  },
  ohchr: {
    ar: 'مفوضية الأمم المتحدة السامية لحقوق الإنسان',
    zh: '联合国人权事务高级专员办事处（人权高专办）',
    fr: "Haut-Commissariat des Nations Unies aux droits de l'homme (HCDH)",
    ru: 'Управление Верховного комиссара Организации Объединенных Наций по правам человека (УВКПЧ)',
    es: 'Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos (ACNUDH)',
  },
  unfpa: {
    ar: 'صندوق الأمم المتحدة للسكان',
    zh: '联合国人口基金（人口基金）',
    fr: 'Fonds des Nations Unies pour la population (FNUAP)',
    ru: 'Фонд Организации Объединенных Наций в области народонаселения (ЮНФПА)',
    es: 'Fondo de Población de las Naciones Unidas (UNFPA)',
  },
  'un-desa': {
    ar: 'إدارة الشؤون الاقتصادية والاجتماعية في الأمم المتحدة',
    zh: '联合国经济和社会事务部（经社部）',
    fr: "Département des affaires économiques et sociales de l'Organisation des Nations Unies (DAES)",
    ru: 'Департамент по экономическим и социальным вопросам Организации Объединенных Наций (ДЭСВ)',
    es: 'Departamento de Asuntos Económicos y Sociales de las Naciones Unidas (DAES)',
  },
  'world-bank': {
    ar: 'مجموعة البنك الدولي',
    zh: '世界银行集团',
    fr: 'Groupe de la Banque mondiale',
    ru: 'Группа Всемирного банка',
    es: 'Grupo Banco Mundial',
  },
};
