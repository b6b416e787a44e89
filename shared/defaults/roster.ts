import { type Delegation, type Names, Roster } from '../protocol/agenda';
import type { Category } from '../protocol/common';
import { ORGANIZATION_NAMES } from './names/organizations';
import { STATE_NAMES } from './rosterNames';

/**
 * The delegations a new meeting starts with: the 193 Member States of the United Nations, the
 * two observer States, the European Union (an intergovernmental organization with observer
 * status, which presents the common positions of its member States), some entities of the UN
 * system and some other accredited stakeholders. Their regional groups are in ./groups.ts.
 *
 * States carry the short names the UN itself uses, as on its list of Member States
 * (https://www.un.org/en/about-us/member-states) and in UNTERM, in that list's alphabetical
 * order. The UN system and stakeholder entries are examples the chair can edit.
 *
 * Each State carries its UN short name in Arabic, Chinese, French, Russian and Spanish
 * (./rosterNames.ts, written by ./names/generate.ts from CLDR and the UN's own lists); the
 * European Union and the UN system theirs (./names/organizations.ts).
 */

/** The names an id has in the five other languages, if any: a State's, an organization's. */
const namesOf = (id: string): Names | undefined => STATE_NAMES[id] ?? ORGANIZATION_NAMES[id];

const entry =
  (category: Category) =>
  (id: string, name: string): Delegation => {
    const names = namesOf(id);
    return names ? { id, name, names, category } : { id, name, category };
  };

const memberState = entry('member-state');
const observer = entry('observer');
const igo = entry('igo');
const unSystem = entry('un-system');
const stakeholder = entry('stakeholder');

const MEMBER_STATES: Delegation[] = [
  memberState('afghanistan', 'Afghanistan'),
  memberState('albania', 'Albania'),
  memberState('algeria', 'Algeria'),
  memberState('andorra', 'Andorra'),
  memberState('angola', 'Angola'),
  memberState('antigua-and-barbuda', 'Antigua and Barbuda'),
  memberState('argentina', 'Argentina'),
  memberState('armenia', 'Armenia'),
  memberState('australia', 'Australia'),
  memberState('austria', 'Austria'),
  memberState('azerbaijan', 'Azerbaijan'),
  memberState('bahamas', 'Bahamas'),
  memberState('bahrain', 'Bahrain'),
  memberState('bangladesh', 'Bangladesh'),
  memberState('barbados', 'Barbados'),
  memberState('belarus', 'Belarus'),
  memberState('belgium', 'Belgium'),
  memberState('belize', 'Belize'),
  memberState('benin', 'Benin'),
  memberState('bhutan', 'Bhutan'),
  memberState('bolivia', 'Bolivia (Plurinational State of)'),
  memberState('bosnia-and-herzegovina', 'Bosnia and Herzegovina'),
  memberState('botswana', 'Botswana'),
  memberState('brazil', 'Brazil'),
  memberState('brunei-darussalam', 'Brunei Darussalam'),
  memberState('bulgaria', 'Bulgaria'),
  memberState('burkina-faso', 'Burkina Faso'),
  memberState('burundi', 'Burundi'),
  memberState('cabo-verde', 'Cabo Verde'),
  memberState('cambodia', 'Cambodia'),
  memberState('cameroon', 'Cameroon'),
  memberState('canada', 'Canada'),
  memberState('central-african-republic', 'Central African Republic'),
  memberState('chad', 'Chad'),
  memberState('chile', 'Chile'),
  memberState('china', 'China'),
  memberState('colombia', 'Colombia'),
  memberState('comoros', 'Comoros'),
  memberState('congo', 'Congo'),
  memberState('costa-rica', 'Costa Rica'),
  memberState('cote-d-ivoire', "Côte d'Ivoire"),
  memberState('croatia', 'Croatia'),
  memberState('cuba', 'Cuba'),
  memberState('cyprus', 'Cyprus'),
  memberState('czechia', 'Czechia'),
  memberState('democratic-peoples-republic-of-korea', "Democratic People's Republic of Korea"),
  memberState('democratic-republic-of-the-congo', 'Democratic Republic of the Congo'),
  memberState('denmark', 'Denmark'),
  memberState('djibouti', 'Djibouti'),
  memberState('dominica', 'Dominica'),
  memberState('dominican-republic', 'Dominican Republic'),
  memberState('ecuador', 'Ecuador'),
  memberState('egypt', 'Egypt'),
  memberState('el-salvador', 'El Salvador'),
  memberState('equatorial-guinea', 'Equatorial Guinea'),
  memberState('eritrea', 'Eritrea'),
  memberState('estonia', 'Estonia'),
  memberState('eswatini', 'Eswatini'),
  memberState('ethiopia', 'Ethiopia'),
  memberState('fiji', 'Fiji'),
  memberState('finland', 'Finland'),
  memberState('france', 'France'),
  memberState('gabon', 'Gabon'),
  memberState('gambia', 'Gambia'),
  memberState('georgia', 'Georgia'),
  memberState('germany', 'Germany'),
  memberState('ghana', 'Ghana'),
  memberState('greece', 'Greece'),
  memberState('grenada', 'Grenada'),
  memberState('guatemala', 'Guatemala'),
  memberState('guinea', 'Guinea'),
  memberState('guinea-bissau', 'Guinea-Bissau'),
  memberState('guyana', 'Guyana'),
  memberState('haiti', 'Haiti'),
  memberState('honduras', 'Honduras'),
  memberState('hungary', 'Hungary'),
  memberState('iceland', 'Iceland'),
  memberState('india', 'India'),
  memberState('indonesia', 'Indonesia'),
  memberState('iran', 'Iran (Islamic Republic of)'),
  memberState('iraq', 'Iraq'),
  memberState('ireland', 'Ireland'),
  memberState('israel', 'Israel'),
  memberState('italy', 'Italy'),
  memberState('jamaica', 'Jamaica'),
  memberState('japan', 'Japan'),
  memberState('jordan', 'Jordan'),
  memberState('kazakhstan', 'Kazakhstan'),
  memberState('kenya', 'Kenya'),
  memberState('kiribati', 'Kiribati'),
  memberState('kuwait', 'Kuwait'),
  memberState('kyrgyzstan', 'Kyrgyzstan'),
  memberState('lao-peoples-democratic-republic', "Lao People's Democratic Republic"),
  memberState('latvia', 'Latvia'),
  memberState('lebanon', 'Lebanon'),
  memberState('lesotho', 'Lesotho'),
  memberState('liberia', 'Liberia'),
  memberState('libya', 'Libya'),
  memberState('liechtenstein', 'Liechtenstein'),
  memberState('lithuania', 'Lithuania'),
  memberState('luxembourg', 'Luxembourg'),
  memberState('madagascar', 'Madagascar'),
  memberState('malawi', 'Malawi'),
  memberState('malaysia', 'Malaysia'),
  memberState('maldives', 'Maldives'),
  memberState('mali', 'Mali'),
  memberState('malta', 'Malta'),
  memberState('marshall-islands', 'Marshall Islands'),
  memberState('mauritania', 'Mauritania'),
  memberState('mauritius', 'Mauritius'),
  memberState('mexico', 'Mexico'),
  memberState('micronesia', 'Micronesia (Federated States of)'),
  memberState('monaco', 'Monaco'),
  memberState('mongolia', 'Mongolia'),
  memberState('montenegro', 'Montenegro'),
  memberState('morocco', 'Morocco'),
  memberState('mozambique', 'Mozambique'),
  memberState('myanmar', 'Myanmar'),
  memberState('namibia', 'Namibia'),
  memberState('nauru', 'Nauru'),
  memberState('nepal', 'Nepal'),
  memberState('netherlands', 'Netherlands (Kingdom of the)'),
  memberState('new-zealand', 'New Zealand'),
  memberState('nicaragua', 'Nicaragua'),
  memberState('niger', 'Niger'),
  memberState('nigeria', 'Nigeria'),
  memberState('north-macedonia', 'North Macedonia'),
  memberState('norway', 'Norway'),
  memberState('oman', 'Oman'),
  memberState('pakistan', 'Pakistan'),
  memberState('palau', 'Palau'),
  memberState('panama', 'Panama'),
  memberState('papua-new-guinea', 'Papua New Guinea'),
  memberState('paraguay', 'Paraguay'),
  memberState('peru', 'Peru'),
  memberState('philippines', 'Philippines'),
  memberState('poland', 'Poland'),
  memberState('portugal', 'Portugal'),
  memberState('qatar', 'Qatar'),
  memberState('republic-of-korea', 'Republic of Korea'),
  memberState('republic-of-moldova', 'Republic of Moldova'),
  memberState('romania', 'Romania'),
  memberState('russian-federation', 'Russian Federation'),
  memberState('rwanda', 'Rwanda'),
  memberState('saint-kitts-and-nevis', 'Saint Kitts and Nevis'),
  memberState('saint-lucia', 'Saint Lucia'),
  memberState('saint-vincent-and-the-grenadines', 'Saint Vincent and the Grenadines'),
  memberState('samoa', 'Samoa'),
  memberState('san-marino', 'San Marino'),
  memberState('sao-tome-and-principe', 'Sao Tome and Principe'),
  memberState('saudi-arabia', 'Saudi Arabia'),
  memberState('senegal', 'Senegal'),
  memberState('serbia', 'Serbia'),
  memberState('seychelles', 'Seychelles'),
  memberState('sierra-leone', 'Sierra Leone'),
  memberState('singapore', 'Singapore'),
  memberState('slovakia', 'Slovakia'),
  memberState('slovenia', 'Slovenia'),
  memberState('solomon-islands', 'Solomon Islands'),
  memberState('somalia', 'Somalia'),
  memberState('south-africa', 'South Africa'),
  memberState('south-sudan', 'South Sudan'),
  memberState('spain', 'Spain'),
  memberState('sri-lanka', 'Sri Lanka'),
  memberState('sudan', 'Sudan'),
  memberState('suriname', 'Suriname'),
  memberState('sweden', 'Sweden'),
  memberState('switzerland', 'Switzerland'),
  memberState('syrian-arab-republic', 'Syrian Arab Republic'),
  memberState('tajikistan', 'Tajikistan'),
  memberState('thailand', 'Thailand'),
  memberState('timor-leste', 'Timor-Leste'),
  memberState('togo', 'Togo'),
  memberState('tonga', 'Tonga'),
  memberState('trinidad-and-tobago', 'Trinidad and Tobago'),
  memberState('tunisia', 'Tunisia'),
  memberState('turkiye', 'Türkiye'),
  memberState('turkmenistan', 'Turkmenistan'),
  memberState('tuvalu', 'Tuvalu'),
  memberState('uganda', 'Uganda'),
  memberState('ukraine', 'Ukraine'),
  memberState('united-arab-emirates', 'United Arab Emirates'),
  memberState('united-kingdom', 'United Kingdom of Great Britain and Northern Ireland'),
  memberState('united-republic-of-tanzania', 'United Republic of Tanzania'),
  memberState('united-states', 'United States of America'),
  memberState('uruguay', 'Uruguay'),
  memberState('uzbekistan', 'Uzbekistan'),
  memberState('vanuatu', 'Vanuatu'),
  memberState('venezuela', 'Venezuela (Bolivarian Republic of)'),
  memberState('viet-nam', 'Viet Nam'),
  memberState('yemen', 'Yemen'),
  memberState('zambia', 'Zambia'),
  memberState('zimbabwe', 'Zimbabwe'),
];

const OBSERVER_STATES: Delegation[] = [
  observer('holy-see', 'Holy See'),
  observer('state-of-palestine', 'State of Palestine'),
];

/**
 * Intergovernmental organizations that take part as observers (contract version 2). The European
 * Union has enhanced observer status in the General Assembly (resolution 65/276), so it asks for
 * the floor in its own name, after the States under the `states-first` policy.
 */
const IGOS: Delegation[] = [igo('european-union', 'European Union')];

const UN_SYSTEM: Delegation[] = [
  unSystem('iom', 'International Organization for Migration (IOM)'),
  unSystem('unhcr', 'Office of the United Nations High Commissioner for Refugees (UNHCR)'),
  unSystem('undp', 'United Nations Development Programme (UNDP)'),
  unSystem('unicef', "United Nations Children's Fund (UNICEF)"),
  unSystem('ilo', 'International Labour Organization (ILO)'),
  unSystem('ohchr', 'Office of the United Nations High Commissioner for Human Rights (OHCHR)'),
  unSystem('unfpa', 'United Nations Population Fund (UNFPA)'),
  unSystem('un-desa', 'United Nations Department of Economic and Social Affairs (UN DESA)'),
  unSystem('world-bank', 'World Bank Group (WBG)'),
];

/** Civil society, the private sector, academia, trade unions and diaspora organizations. */
const STAKEHOLDERS: Delegation[] = [
  stakeholder('ituc', 'International Trade Union Confederation'),
  stakeholder('migrant-forum-in-asia', 'Migrant Forum in Asia'),
  stakeholder('icmc', 'International Catholic Migration Commission'),
  stakeholder('global-coalition-on-migration', 'Global Coalition on Migration'),
  stakeholder(
    'gfmd-business-mechanism',
    'Business Mechanism of the Global Forum on Migration and Development',
  ),
  stakeholder('african-diaspora-network', 'African Diaspora Network'),
];

/** Parsed through the schema, so the default obeys every rule a roster file must. */
export const DEFAULT_ROSTER: Roster = Roster.parse([
  ...MEMBER_STATES,
  ...OBSERVER_STATES,
  ...IGOS,
  ...UN_SYSTEM,
  ...STAKEHOLDERS,
]);
