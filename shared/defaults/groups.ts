import { type Group, Groups } from '../protocol/agenda';

/**
 * The groups a meeting on the default roster starts with: the five regional groups of the United
 * Nations, whose members speak on behalf of the group in most meetings ("Egypt, on behalf of the
 * African Group"). The chair can edit them like the roster.
 *
 * Members are delegation ids of ./roster.ts, listed as the UN Department for General Assembly and
 * Conference Management lists them on "Regional groups of Member States"
 * (https://www.un.org/dgacm/en/content/regional-groups), in that page's alphabetical order. Its
 * notes on Israel, Kiribati, Türkiye and the United States are repeated where they apply, with
 * what this list does about each. All 193 Member States are in a group; Türkiye is in two.
 *
 * Each group carries its name in the five other languages: the names the UN's documents give the
 * regional groups in each language ("Groupe des États d'Afrique", "Grupo de los Estados de
 * América Latina y el Caribe", "Группа африканских государств", 非洲国家组, مجموعة الدول
 * الأفريقية), as UNTERM records them.
 */

/** 54 Member States. */
const AFRICAN_GROUP: Group = {
  id: 'african-group',
  name: 'African Group',
  names: {
    ar: 'مجموعة الدول الأفريقية',
    zh: '非洲国家组',
    fr: "Groupe des États d'Afrique",
    ru: 'Группа африканских государств',
    es: 'Grupo de los Estados de África',
  },
  members: [
    'algeria',
    'angola',
    'benin',
    'botswana',
    'burkina-faso',
    'burundi',
    'cabo-verde',
    'cameroon',
    'central-african-republic',
    'chad',
    'comoros',
    'congo',
    'cote-d-ivoire',
    'democratic-republic-of-the-congo',
    'djibouti',
    'egypt',
    'equatorial-guinea',
    'eritrea',
    'eswatini',
    'ethiopia',
    'gabon',
    'gambia',
    'ghana',
    'guinea',
    'guinea-bissau',
    'kenya',
    'lesotho',
    'liberia',
    'libya',
    'madagascar',
    'malawi',
    'mali',
    'mauritania',
    'mauritius',
    'morocco',
    'mozambique',
    'namibia',
    'niger',
    'nigeria',
    'rwanda',
    'sao-tome-and-principe',
    'senegal',
    'seychelles',
    'sierra-leone',
    'somalia',
    'south-africa',
    'south-sudan',
    'sudan',
    'togo',
    'tunisia',
    'uganda',
    'united-republic-of-tanzania',
    'zambia',
    'zimbabwe',
  ],
};

/**
 * 55 Member States as the DGACM lists them: the 53 of the usual figure, plus Kiribati and
 * Türkiye (below). Cyprus is here, not in the Western European group, as on the DGACM's list.
 */
const ASIA_PACIFIC_GROUP: Group = {
  id: 'asia-pacific-group',
  name: 'Asia-Pacific Group',
  names: {
    ar: 'مجموعة دول آسيا والمحيط الهادئ',
    zh: '亚洲-太平洋国家组',
    fr: "Groupe des États d'Asie et du Pacifique",
    ru: 'Группа азиатско-тихоокеанских государств',
    es: 'Grupo de los Estados de Asia y el Pacífico',
  },
  members: [
    'afghanistan',
    'bahrain',
    'bangladesh',
    'bhutan',
    'brunei-darussalam',
    'cambodia',
    'china',
    'cyprus',
    'democratic-peoples-republic-of-korea',
    'fiji',
    'india',
    'indonesia',
    'iran',
    'iraq',
    'japan',
    'jordan',
    'kazakhstan',
    // The DGACM lists Kiribati here. Older sources (and the 53 of the usual figure) leave it out:
    // in 2010 it was in no regional group.
    'kiribati',
    'kuwait',
    'kyrgyzstan',
    'lao-peoples-democratic-republic',
    'lebanon',
    'malaysia',
    'maldives',
    'marshall-islands',
    'micronesia',
    'mongolia',
    'myanmar',
    'nauru',
    'nepal',
    'oman',
    'pakistan',
    'palau',
    'papua-new-guinea',
    'philippines',
    'qatar',
    'republic-of-korea',
    'samoa',
    'saudi-arabia',
    'singapore',
    'solomon-islands',
    'sri-lanka',
    'syrian-arab-republic',
    'tajikistan',
    'thailand',
    'timor-leste',
    'tonga',
    // Türkiye participates fully in both this group and the Western European and Others Group
    // (DGACM's note), so it may speak for either: it is listed in both. For elections it counts
    // with the Western European and Others Group only, which is why the usual figure leaves it out.
    'turkiye',
    'turkmenistan',
    'tuvalu',
    'united-arab-emirates',
    'uzbekistan',
    'vanuatu',
    'viet-nam',
    'yemen',
  ],
};

/** 23 Member States. */
const EASTERN_EUROPEAN_GROUP: Group = {
  id: 'eastern-european-group',
  name: 'Eastern European Group',
  names: {
    ar: 'مجموعة دول أوروبا الشرقية',
    zh: '东欧国家组',
    fr: "Groupe des États d'Europe orientale",
    ru: 'Группа восточноевропейских государств',
    es: 'Grupo de los Estados de Europa Oriental',
  },
  members: [
    'albania',
    'armenia',
    'azerbaijan',
    'belarus',
    'bosnia-and-herzegovina',
    'bulgaria',
    'croatia',
    'czechia',
    'estonia',
    'georgia',
    'hungary',
    'latvia',
    'lithuania',
    'montenegro',
    'north-macedonia',
    'poland',
    'republic-of-moldova',
    'romania',
    'russian-federation',
    'serbia',
    'slovakia',
    'slovenia',
    'ukraine',
  ],
};

/** 33 Member States. */
const GRULAC: Group = {
  id: 'grulac',
  name: 'Group of Latin American and Caribbean States',
  names: {
    ar: 'مجموعة دول أمريكا اللاتينية ومنطقة البحر الكاريبي',
    zh: '拉丁美洲和加勒比国家组',
    fr: "Groupe des États d'Amérique latine et des Caraïbes",
    ru: 'Группа государств Латинской Америки и Карибского бассейна',
    es: 'Grupo de los Estados de América Latina y el Caribe',
  },
  members: [
    'antigua-and-barbuda',
    'argentina',
    'bahamas',
    'barbados',
    'belize',
    'bolivia',
    'brazil',
    'chile',
    'colombia',
    'costa-rica',
    'cuba',
    'dominica',
    'dominican-republic',
    'ecuador',
    'el-salvador',
    'grenada',
    'guatemala',
    'guyana',
    'haiti',
    'honduras',
    'jamaica',
    'mexico',
    'nicaragua',
    'panama',
    'paraguay',
    'peru',
    'saint-kitts-and-nevis',
    'saint-lucia',
    'saint-vincent-and-the-grenadines',
    'suriname',
    'trinidad-and-tobago',
    'uruguay',
    'venezuela',
  ],
};

/** 29: the group's 28 Member States (Türkiye among them) and the United States (below). */
const WEOG: Group = {
  id: 'weog',
  name: 'Western European and Others Group',
  names: {
    ar: 'مجموعة دول أوروبا الغربية ودول أخرى',
    zh: '西欧和其他国家组',
    fr: "Groupe des États d'Europe occidentale et autres États",
    ru: 'Группа западноевропейских и других государств',
    es: 'Grupo de los Estados de Europa Occidental y otros Estados',
  },
  members: [
    'andorra',
    'australia',
    'austria',
    'belgium',
    'canada',
    'denmark',
    'finland',
    'france',
    'germany',
    'greece',
    'iceland',
    'ireland',
    // A full member since 2000, on a temporary basis at first, made permanent in 2004 (DGACM).
    'israel',
    'italy',
    'liechtenstein',
    'luxembourg',
    'malta',
    'monaco',
    'netherlands',
    'new-zealand',
    'norway',
    'portugal',
    'san-marino',
    'spain',
    'sweden',
    'switzerland',
    // Also in the Asia-Pacific Group: see the note there.
    'turkiye',
    'united-kingdom',
    // The United States is in no regional group: it attends this group's meetings as an observer
    // and counts as one of its members for elections (DGACM's note). It is listed here, as the
    // DGACM lists it, so that every Member State has a group; a chair who keeps group statements
    // to full members can take it out.
    'united-states',
  ],
};

/** Parsed through the schema, so the default obeys every rule a groups file must. */
export const DEFAULT_GROUPS: Groups = Groups.parse([
  AFRICAN_GROUP,
  ASIA_PACIFIC_GROUP,
  EASTERN_EUROPEAN_GROUP,
  GRULAC,
  WEOG,
]);
