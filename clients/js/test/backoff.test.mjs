import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Backoff } from '../dist/backoff.js';

describe('back-off (PROTOCOL 14.2)', () => {
  test('without jitter the delay grows by the multiplier up to the cap', () => {
    const backoff = new Backoff({ initialDelay: 1000, maxDelay: 30000, multiplier: 2 }, () => 0);
    const delays = Array.from({ length: 8 }, () => backoff.next());
    assert.deepEqual(delays, [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  test('jitter shortens a delay by less than 20 %', () => {
    const highest = new Backoff({ initialDelay: 1000 }, () => 0.999999);
    const delay = highest.next();
    assert.ok(delay > 800 && delay < 801, `delay ${delay}`);
    const random = new Backoff({ initialDelay: 1000, multiplier: 1 });
    for (let i = 0; i < 1000; i += 1) {
      const value = random.next();
      assert.ok(value > 800 && value <= 1000, `delay ${value}`);
    }
  });

  test('a reset makes the next delay the initial one again', () => {
    const backoff = new Backoff({ initialDelay: 50, maxDelay: 1000, multiplier: 3 }, () => 0);
    backoff.next();
    backoff.next();
    assert.equal(backoff.attempts, 2);
    backoff.reset();
    assert.equal(backoff.next(), 50);
  });

  test('defaults are those of communica: 1 s doubling to 30 s', () => {
    const backoff = new Backoff({}, () => 0);
    assert.equal(backoff.next(), 1000);
    assert.equal(backoff.next(), 2000);
  });

  test('bad settings fail naming the setting', () => {
    assert.throws(() => new Backoff({ initialDelay: 0 }), /initialDelay/);
    assert.throws(() => new Backoff({ initialDelay: 100, maxDelay: 50 }), /maxDelay/);
    assert.throws(() => new Backoff({ multiplier: 0.5 }), /multiplier/);
  });
});
