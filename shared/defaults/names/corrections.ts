import type { Lang } from '../../protocol/langs';

/** The five languages a roster entry's `names` carries (English is its `name`). */
export type OtherLang = Exclude<Lang, 'en'>;
export type Correction = Partial<Record<OtherLang, string>>;

/**
 * The States' names where CLDR's (the maintained source ./generate.ts starts from) is not the
 * United Nations' short name: CLDR gives the names people use ("Bolivie", "Corée du Sud",
 * "Russie"), the UN the names its Member States chose ("Bolivie (État plurinational de)",
 * "République de Corée", "Fédération de Russie"). Two UN sources, in each language:
 *
 * - M49: the UN Statistics Division's "Standard country or area codes for statistical use (M49)",
 *   its overview table in Arabic, Chinese, French, Russian and Spanish
 *   (https://unstats.un.org/unsd/methodology/m49/overview/), as published in September 2024.
 *   Every name below is M49's, as M49 writes it (its typographic apostrophe in French, its
 *   Arabic placeholder for the part a short name moves into parentheses).
 * - Protocol: the UN Protocol and Liaison Service's table of the Member States' short and formal
 *   names in the six languages, the names UNTERM gives
 *   (https://www.un.org/dgacm/sites/www.un.org.dgacm/files/Documents_Protocol/unterm-efsrca.xlsx),
 *   in the copy of September 2024, short names without the article its French and Spanish
 *   columns add ("Afghanistan (l')", "Afganistán (el)"). That copy predates Türkiye (2022) and
 *   "Netherlands (Kingdom of the)" (2024), which M49 has.
 *
 * Names that differ only in the apostrophe's glyph (' or ’) are the same name: CLDR's is kept.
 * Where CLDR already has M49's name there is no entry; ./generate.ts refuses an entry equal to
 * CLDR's, so this table stays the list of differences.
 */

/** The two UN sources agree. */
const M49_AND_PROTOCOL: Readonly<Record<string, Correction>> = {
  bahamas: {
    ru: 'Багамские Острова',
  },
  bahrain: {
    es: 'Bahrein',
  },
  bangladesh: {
    es: 'Bangladesh',
  },
  belarus: {
    fr: 'Bélarus',
    es: 'Belarús',
  },
  benin: {
    ar: 'بنن',
    es: 'Benin',
  },
  bhutan: {
    es: 'Bhután',
  },
  bolivia: {
    ar: 'بوليفيا (دولة - المتعددة القوميات)',
    zh: '多民族玻利维亚国',
    fr: 'Bolivie (État plurinational de)',
    ru: 'Боливия (Многонациональное Государство)',
    es: 'Bolivia (Estado Plurinacional de)',
  },
  botswana: {
    es: 'Botswana',
  },
  'brunei-darussalam': {
    ar: 'بروني دار السلام',
    zh: '文莱达鲁萨兰国',
    fr: 'Brunéi Darussalam',
    ru: 'Бруней-Даруссалам',
    es: 'Brunei Darussalam',
  },
  'cabo-verde': {
    ar: 'كابو فيردي',
    fr: 'Cabo Verde',
  },
  'central-african-republic': {
    ru: 'Центральноафриканская Республика',
  },
  chile: {
    ar: 'شيلي',
  },
  comoros: {
    ru: 'Коморские Острова',
  },
  congo: {
    ar: 'الكونغو',
    fr: 'Congo',
    ru: 'Конго',
  },
  'cote-d-ivoire': {
    ar: 'كوت ديفوار',
  },
  czechia: {
    ar: 'تشيكيا',
  },
  'democratic-peoples-republic-of-korea': {
    ar: 'جمهورية كوريا الشعبية الديمقراطية',
    zh: '朝鲜民主主义人民共和国',
    fr: 'République populaire démocratique de Corée',
    ru: 'Корейская Народно-Демократическая Республика',
    es: 'República Popular Democrática de Corea',
  },
  'democratic-republic-of-the-congo': {
    ar: 'جمهورية الكونغو الديمقراطية',
    zh: '刚果民主共和国',
    fr: 'République démocratique du Congo',
    ru: 'Демократическая Республика Конго',
  },
  djibouti: {
    es: 'Djibouti',
  },
  'dominican-republic': {
    ar: 'الجمهورية الدومينيكية',
    zh: '多米尼加',
  },
  ecuador: {
    ar: 'إكوادور',
  },
  'el-salvador': {
    fr: 'El Salvador',
  },
  eswatini: {
    es: 'Eswatini',
  },
  fiji: {
    es: 'Fiji',
  },
  gabon: {
    ar: 'غابون',
  },
  'guinea-bissau': {
    ar: 'غينيا - بيساو',
    es: 'Guinea-Bissau',
  },
  iran: {
    ar: 'إيران (جمهورية - الإسلامية)',
    zh: '伊朗伊斯兰共和国',
    fr: 'Iran (République islamique d’)',
    ru: 'Иран (Исламская Республика)',
    es: 'Irán (República Islámica del)',
  },
  iraq: {
    fr: 'Iraq',
    es: 'Iraq',
  },
  kazakhstan: {
    es: 'Kazajstán',
  },
  kenya: {
    es: 'Kenya',
  },
  kiribati: {
    ar: 'كيريباس',
  },
  kyrgyzstan: {
    fr: 'Kirghizistan',
    ru: 'Кыргызстан',
  },
  'lao-peoples-democratic-republic': {
    ar: 'جمهورية لاو الديمقراطية الشعبية',
    zh: '老挝人民民主共和国',
    fr: 'République démocratique populaire lao',
    ru: 'Лаосская Народно-Демократическая Республика',
    es: 'República Democrática Popular Lao',
  },
  lesotho: {
    es: 'Lesotho',
  },
  liberia: {
    ar: 'ليبريا',
    fr: 'Libéria',
  },
  luxembourg: {
    ar: 'لكسمبرغ',
  },
  malawi: {
    es: 'Malawi',
  },
  maldives: {
    ar: 'ملديف',
    ru: 'Мальдивские Острова',
  },
  mali: {
    es: 'Malí',
  },
  malta: {
    ar: 'مالطة',
  },
  'marshall-islands': {
    ru: 'Маршалловы Острова',
  },
  micronesia: {
    ar: 'ميكرونيزيا (ولايات - الموحدة)',
    zh: '密克罗尼西亚联邦',
    fr: 'Micronésie (États fédérés de)',
    ru: 'Микронезия (Федеративные Штаты)',
    es: 'Micronesia (Estados Federados de)',
  },
  mozambique: {
    ar: 'موزامبيق',
  },
  myanmar: {
    ar: 'ميانمار',
    fr: 'Myanmar',
    ru: 'Мьянма',
    es: 'Myanmar',
  },
  'new-zealand': {
    es: 'Nueva Zelandia',
  },
  nigeria: {
    fr: 'Nigéria',
  },
  oman: {
    ar: 'عمان',
  },
  palau: {
    es: 'Palau',
  },
  'papua-new-guinea': {
    es: 'Papua Nueva Guinea',
  },
  qatar: {
    es: 'Qatar',
  },
  'republic-of-korea': {
    ar: 'جمهورية كوريا',
    zh: '大韩民国',
    fr: 'République de Corée',
    es: 'República de Corea',
  },
  'republic-of-moldova': {
    ar: 'جمهورية مولدوفا',
    zh: '摩尔多瓦共和国',
    fr: 'République de Moldova',
    ru: 'Республика Молдова',
    es: 'República de Moldova',
  },
  romania: {
    es: 'Rumania',
  },
  'russian-federation': {
    ar: 'الاتحاد الروسي',
    zh: '俄罗斯联邦',
    fr: 'Fédération de Russie',
    ru: 'Российская Федерация',
    es: 'Federación de Rusia',
  },
  rwanda: {
    es: 'Rwanda',
  },
  'saint-kitts-and-nevis': {
    ar: 'سانت كيتس ونيفس',
    fr: 'Saint-Kitts-et-Nevis',
    es: 'Saint Kitts y Nevis',
  },
  'sao-tome-and-principe': {
    ar: 'سان تومي وبرينسيبي',
  },
  'saudi-arabia': {
    es: 'Arabia Saudita',
  },
  seychelles: {
    ar: 'سيشيل',
    ru: 'Сейшельские Острова',
  },
  'solomon-islands': {
    ru: 'Соломоновы Острова',
  },
  'south-africa': {
    ru: 'Южная Африка',
  },
  'sri-lanka': {
    ar: 'سري لانكا',
  },
  suriname: {
    es: 'Suriname',
  },
  'syrian-arab-republic': {
    ar: 'الجمهورية العربية السورية',
    zh: '阿拉伯叙利亚共和国',
    fr: 'République arabe syrienne',
    ru: 'Сирийская Арабская Республика',
    es: 'República Árabe Siria',
  },
  thailand: {
    ar: 'تايلند',
  },
  'timor-leste': {
    fr: 'Timor-Leste',
    ru: 'Тимор-Лешти',
  },
  'trinidad-and-tobago': {
    es: 'Trinidad y Tabago',
  },
  'united-arab-emirates': {
    ru: 'Объединенные Арабские Эмираты',
  },
  'united-kingdom': {
    zh: '大不列颠及北爱尔兰联合王国',
    fr: 'Royaume-Uni de Grande-Bretagne et d’Irlande du Nord',
    ru: 'Соединенное Королевство Великобритании и Северной Ирландии',
    es: 'Reino Unido de Gran Bretaña e Irlanda del Norte',
  },
  'united-republic-of-tanzania': {
    ar: 'جمهورية تنزانيا المتحدة',
    zh: '坦桑尼亚联合共和国',
    fr: 'République-Unie de Tanzanie',
    ru: 'Объединенная Республика Танзания',
    es: 'República Unida de Tanzanía',
  },
  'united-states': {
    ar: 'الولايات المتحدة الأمريكية',
    zh: '美利坚合众国',
    fr: 'États-Unis d’Amérique',
    ru: 'Соединенные Штаты Америки',
    es: 'Estados Unidos de América',
  },
  uruguay: {
    ar: 'أوروغواي',
  },
  venezuela: {
    ar: 'فنزويلا (جمهورية - البوليفارية)',
    zh: '委内瑞拉玻利瓦尔共和国',
    fr: 'Venezuela (République bolivarienne du)',
    ru: 'Венесуэла (Боливарианская Республика)',
    es: 'Venezuela (República Bolivariana de)',
  },
  'viet-nam': {
    ar: 'فييت نام',
    fr: 'Viet Nam',
    es: 'Viet Nam',
  },
  zimbabwe: {
    ar: 'زمبابوي',
    es: 'Zimbabwe',
  },
  'holy-see': {
    ar: 'الكرسي الرسولي',
    fr: 'Saint-Siège',
    ru: 'Святой Престол',
    es: 'Santa Sede',
  },
  'state-of-palestine': {
    ar: 'دولة فلسطين',
    zh: '巴勒斯坦国',
    fr: 'État de Palestine',
    ru: 'Государство Палестина',
    es: 'Estado de Palestina',
  },
};

/** The two UN sources differ: M49's name, the newer of the two, is kept; each says how. */
const M49_OVER_PROTOCOL: Readonly<Record<string, Correction>> = {
  // Protocol: 刚果（布）, as CLDR ("Congo-Brazzaville", to tell it from its neighbour). M49 and
  // the English short name say "Congo" alone.
  congo: {
    zh: '刚果',
  },
  // Protocol: أيرلندا (with hamza), as CLDR. M49 writes آيرلندا here and in the United Kingdom's
  // name (below): kept, so that the two names agree.
  ireland: {
    ar: 'آيرلندا',
  },
  // Protocol (predating the change): the Netherlands alone, as CLDR. The UN's short name has
  // been "Netherlands (Kingdom of the)" since 2024, as in M49 and the roster's English.
  netherlands: {
    ar: 'هولندا (مملكة _)',
    zh: '荷兰王国',
    fr: 'Pays-Bas (Royaume des)',
    ru: 'Нидерланды (Королевство)',
    es: 'Países Bajos (Reino de los)',
  },
  // Protocol: Папуа — Новая Гвинея (with a dash), as CLDR.
  'papua-new-guinea': {
    ru: 'Папуа-Новая Гвинея',
  },
  // Protocol (predating the change of 2022): Turquie, Turquía, as CLDR. M49 has the new name in
  // French and Spanish; in Arabic, Chinese and Russian the name did not change (تركيا, 土耳其,
  // Турция), and CLDR has it.
  turkiye: {
    fr: 'Türkiye',
    es: 'Türkiye',
  },
  // Protocol: the same name with أيرلندا (see Ireland above).
  'united-kingdom': {
    ar: 'المملكة المتحدة لبريطانيا العظمى وآيرلندا الشمالية',
  },
  // Protocol: 罗马教廷 ("the Roman Holy See"). M49: 教廷.
  'holy-see': {
    zh: '教廷',
  },
};

export interface CorrectionSource {
  /** Which UN sources give these names (see above). */
  source: string;
  names: Readonly<Record<string, Correction>>;
}

/** What ./generate.ts applies; an id and language is corrected by one source only. */
export const CORRECTIONS: readonly CorrectionSource[] = [
  { source: 'M49 and Protocol', names: M49_AND_PROTOCOL },
  { source: 'M49', names: M49_OVER_PROTOCOL },
];
