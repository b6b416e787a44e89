import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GROUPS } from '../../../shared/defaults/groups';
import { ISO_CODES } from '../../../shared/defaults/names/codes';
import { OUTPUT, renderRosterNames, stateNames } from '../../../shared/defaults/names/generate';
import { DEFAULT_ROSTER } from '../../../shared/defaults/roster';
import type { Delegation } from '../../../shared/protocol/agenda';

const OTHER_LANGS = ['ar', 'zh', 'fr', 'ru', 'es'] as const;

/** The letters each language's names are written in (a name may also hold spaces, brackets...). */
const SCRIPT = {
  ar: /\p{Script=Arabic}/u,
  zh: /\p{Script=Han}/u,
  ru: /\p{Script=Cyrillic}/u,
} as const;

const byId = new Map(DEFAULT_ROSTER.map((d) => [d.id, d]));
const delegation = (id: string): Delegation => {
  const found = byId.get(id);
  if (!found) throw new Error(`no delegation "${id}" in the default roster`);
  return found;
};
const states = DEFAULT_ROSTER.filter(
  (d) => d.category === 'member-state' || d.category === 'observer',
);

describe('the default roster in the six languages', () => {
  it('is what the generator writes from CLDR and the corrections (run it after changing them)', () => {
    expect(renderRosterNames()).toBe(readFileSync(OUTPUT, 'utf8'));
  });

  it('gives each of the 193 Member States and both observer States its five names', () => {
    expect(states.filter((d) => d.category === 'member-state')).toHaveLength(193);
    expect(states).toHaveLength(195);
    for (const state of states) {
      expect(Object.keys(state.names ?? {}).sort(), state.id).toEqual([...OTHER_LANGS].sort());
      for (const lang of OTHER_LANGS) expect(state.names?.[lang]?.trim(), state.id).toBeTruthy();
    }
  });

  it('writes the Arabic, Chinese and Russian names in their own scripts, never the English', () => {
    for (const state of states) {
      for (const [lang, script] of Object.entries(SCRIPT) as [keyof typeof SCRIPT, RegExp][]) {
        const name = state.names?.[lang] ?? '';
        expect(name, `${state.id} ${lang}`).not.toBe(state.name);
        expect(name, `${state.id} ${lang}`).toMatch(script);
        expect(name, `${state.id} ${lang}`).not.toMatch(/[A-Za-z]/);
      }
    }
  });

  it("keys exactly the roster's States, each by its own ISO code", () => {
    expect(Object.keys(ISO_CODES)).toEqual(states.map((d) => d.id));
    expect(new Set(Object.values(ISO_CODES)).size).toBe(states.length);
    for (const code of Object.values(ISO_CODES)) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('gives no two States the same name in a language', () => {
    for (const lang of OTHER_LANGS) {
      const names = states.map((d) => d.names?.[lang]);
      expect(new Set(names).size, lang).toBe(states.length);
    }
  });

  // The UN's short names where CLDR has the names people use: the corrections at work.
  it.each([
    [
      'bolivia',
      {
        ar: 'بوليفيا (دولة - المتعددة القوميات)',
        zh: '多民族玻利维亚国',
        fr: 'Bolivie (État plurinational de)',
        ru: 'Боливия (Многонациональное Государство)',
        es: 'Bolivia (Estado Plurinacional de)',
      },
    ],
    [
      'iran',
      {
        ar: 'إيران (جمهورية - الإسلامية)',
        zh: '伊朗伊斯兰共和国',
        fr: 'Iran (République islamique d’)',
        ru: 'Иран (Исламская Республика)',
        es: 'Irán (República Islámica del)',
      },
    ],
    [
      'republic-of-korea',
      {
        ar: 'جمهورية كوريا',
        zh: '大韩民国',
        fr: 'République de Corée',
        ru: 'Республика Корея',
        es: 'República de Corea',
      },
    ],
    [
      'netherlands',
      {
        zh: '荷兰王国',
        fr: 'Pays-Bas (Royaume des)',
        ru: 'Нидерланды (Королевство)',
        es: 'Países Bajos (Reino de los)',
      },
    ],
    ['turkiye', { zh: '土耳其', fr: 'Türkiye', ru: 'Турция', es: 'Türkiye' }],
    ['viet-nam', { ar: 'فييت نام', fr: 'Viet Nam', es: 'Viet Nam' }],
    ['cote-d-ivoire', { ar: 'كوت ديفوار', fr: 'Côte d’Ivoire', es: 'Côte d’Ivoire' }],
    [
      'russian-federation',
      {
        ar: 'الاتحاد الروسي',
        zh: '俄罗斯联邦',
        fr: 'Fédération de Russie',
        ru: 'Российская Федерация',
        es: 'Federación de Rusia',
      },
    ],
    [
      'syrian-arab-republic',
      { zh: '阿拉伯叙利亚共和国', fr: 'République arabe syrienne', es: 'República Árabe Siria' },
    ],
    [
      'united-republic-of-tanzania',
      {
        zh: '坦桑尼亚联合共和国',
        fr: 'République-Unie de Tanzanie',
        ru: 'Объединенная Республика Танзания',
        es: 'República Unida de Tanzanía',
      },
    ],
    ['czechia', { ar: 'تشيكيا', fr: 'Tchéquie', es: 'Chequia' }],
    ['holy-see', { ar: 'الكرسي الرسولي', zh: '教廷', fr: 'Saint-Siège', es: 'Santa Sede' }],
    [
      'state-of-palestine',
      {
        ar: 'دولة فلسطين',
        zh: '巴勒斯坦国',
        fr: 'État de Palestine',
        ru: 'Государство Палестина',
        es: 'Estado de Palestina',
      },
    ],
  ])('names %s as the UN does', (id, expected) => {
    expect(delegation(id).names).toMatchObject(expected);
  });

  it('gives the European Union and the UN system their names in the five languages', () => {
    const organizations = DEFAULT_ROSTER.filter(
      (d) => d.category === 'igo' || d.category === 'un-system',
    );
    expect(organizations.length).toBeGreaterThanOrEqual(2);
    for (const organization of organizations) {
      expect(Object.keys(organization.names ?? {}).sort(), organization.id).toEqual(
        [...OTHER_LANGS].sort(),
      );
    }
    expect(delegation('european-union').names).toMatchObject({
      fr: 'Union européenne',
      es: 'Unión Europea',
      ru: 'Европейский союз',
      zh: '欧洲联盟',
      ar: 'الاتحاد الأوروبي',
    });
    expect(delegation('iom').names?.fr).toBe(
      'Organisation internationale pour les migrations (OIM)',
    );
  });

  it('gives the regional groups their UN names in the five languages', () => {
    for (const group of DEFAULT_GROUPS) {
      expect(Object.keys(group.names ?? {}).sort(), group.id).toEqual([...OTHER_LANGS].sort());
    }
    const grulac = DEFAULT_GROUPS.find((g) => g.id === 'grulac');
    expect(grulac?.names?.es).toBe('Grupo de los Estados de América Latina y el Caribe');
    const african = DEFAULT_GROUPS.find((g) => g.id === 'african-group');
    expect(african?.names?.fr).toBe("Groupe des États d'Afrique");
  });
});

describe('the names generator', () => {
  const codes = { france: 'FR', bolivia: 'BO' };

  it('starts from CLDR and applies a correction', () => {
    const names = stateNames(codes, [
      { source: 'test', names: { bolivia: { fr: 'Bolivie (État plurinational de)' } } },
    ]);
    expect(names.get('france')?.fr).toBe('France');
    expect(names.get('bolivia')?.fr).toBe('Bolivie (État plurinational de)');
    expect(names.get('bolivia')?.es).toBe('Bolivia');
  });

  it('refuses a correction CLDR has made useless, so the table stays the list of differences', () => {
    expect(() =>
      stateNames(codes, [{ source: 'test', names: { france: { fr: 'France' } } }]),
    ).toThrow(/france fr "France" is CLDR's name already/);
  });

  it('refuses a correction for a State it does not know, and two sources for one name', () => {
    expect(() => stateNames(codes, [{ source: 'test', names: { atlantis: { fr: 'x' } } }])).toThrow(
      /"atlantis" is not a State/,
    );
    const twice = { bolivia: { fr: 'Bolivie (État plurinational de)' } };
    expect(() =>
      stateNames(codes, [
        { source: 'one', names: twice },
        { source: 'two', names: twice },
      ]),
    ).toThrow(/bolivia fr is corrected by both one and two/);
  });

  it('refuses a code CLDR does not know', () => {
    expect(() => stateNames({ nowhere: 'XY' }, [])).toThrow(/CLDR has no ar name for XY/);
  });
});
