import type { I18n, MessageDescriptor } from '@lingui/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditMessages,
  deliveryMessage,
  failedAction,
  newCodeHeading,
  questionOf,
  revokedMessage,
  timeOfDay,
} from '../../../client/chair/devices/words';
import { meetingTimes } from '../../../client/chair/meetingTimes';
import { LANGS, type Lang } from '../../../shared/protocol/langs';
import { i18nIn } from '../../support/i18n';

/** The devices page's words, from its pure readings, in the page's languages. */
const i18n = {} as Record<Lang, I18n>;
beforeAll(async () => {
  for (const lang of LANGS) i18n[lang] = await i18nIn(lang, ['chair']);
});
const say = (lang: Lang, message: MessageDescriptor) => i18n[lang]._(message);

const AT = Date.UTC(2017, 6, 24, 18, 5, 9);

describe('the devices page in words', () => {
  it('counts what a sign-out or a new code did, with each language’s plural forms', () => {
    expect(say('en', revokedMessage(2, 2))).toBe('2 tokens revoked, 2 devices disconnected.');
    expect(say('en', revokedMessage(1, 0))).toBe('1 token revoked, 0 devices disconnected.');
    expect([1, 3, 5].map((n) => say('ru', revokedMessage(n, n)))).toEqual([
      'Отозван 1 токен, отключено 1 устройство.',
      'Отозвано 3 токена, отключено 3 устройства.',
      'Отозвано 5 токенов, отключено 5 устройств.',
    ]);
    expect(say('ar', revokedMessage(2, 11))).toBe('أُلغي رمزان مميَّزان، وفُصل 11 جهازًا.');
  });

  it('asks about a delegation by its name, and about an officers’ role in the role’s own words', () => {
    const delegation = questionOf({
      kind: 'rotate',
      holder: { role: 'delegate', delegationId: 'mexico' },
      name: 'Mexique',
    });
    expect(say('fr', delegation.question)).toMatch(/^Donner un nouveau code à Mexique \?/);
    expect(say('en', { id: delegation.confirmLabel })).toBe('Make a new code');
    const displays = questionOf({ kind: 'rotate', holder: { role: 'display' }, name: null });
    expect(say('en', displays.question)).toBe(
      'Give the room displays a new code? The old code stops working and the room displays are signed out until they join with the new one.',
    );
    expect(say('en', newCodeHeading({ holder: { role: 'chair' }, name: null }))).toBe(
      'New code for the chairs',
    );
    expect(
      say('en', failedAction({ kind: 'sign-out', delegationId: 'mexico', name: 'Mexico' })),
    ).toBe('The devices of Mexico were not signed out.');
  });

  it('says the audit’s lines, naming the delegation as the page does', () => {
    const nameOf = (id: string) => (id === 'mexico' ? 'المكسيك' : id);
    const line = auditMessages(
      {
        at: AT,
        actor: 'chair',
        action: 'delegation.sign-out',
        role: 'delegate',
        delegationId: 'mexico',
        revokedTokens: 2,
      },
      nameOf,
    );
    expect(say('ar', line.who)).toBe('الرئاسة');
    expect(say('ar', line.what)).toBe('سجّل خروج أجهزة المكسيك');
    const code = auditMessages(
      { at: AT, actor: 'operator', action: 'code.rotate', role: 'moderator', revokedTokens: 0 },
      nameOf,
    );
    expect([say('en', code.who), say('en', code.what)]).toEqual([
      'The operator',
      'New moderator code',
    ]);
  });

  it('says how a webhook’s last delivery went', () => {
    const last = {
      event: 'status.changed' as const,
      at: AT,
      attempt: 1,
      status: 200,
      error: null,
      ok: true,
    };
    expect(say('en', deliveryMessage(null))).toBe('Nothing sent yet');
    expect(say('en', deliveryMessage(last))).toBe('Delivered (200)');
    expect(
      say(
        'en',
        deliveryMessage({ ...last, attempt: 3, status: 500, error: 'answered 500', ok: false }),
      ),
    ).toBe('Failed, try 3: answered 500');
    expect(say('zh', deliveryMessage({ ...last, status: null, ok: false }))).toBe(
      '失败，第一次尝试：无应答',
    );
  });

  it('gives a time of day in the meeting’s zone, with its date when it is another day', () => {
    const times = meetingTimes('ar', 'America/New_York');
    expect(timeOfDay(AT, times, AT + 60_000)).toBe('14:05:09');
    expect(timeOfDay(AT, times, AT + 24 * 3_600_000)).toBe('2017-07-24 14:05:09');
  });
});
