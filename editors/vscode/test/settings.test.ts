import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DEFAULT_SETTINGS, SettingGetter, configurationItem, needsRestart, serverSettings } from '../src/settings';

const getter = (values: Record<string, unknown>): SettingGetter => <T>(key: string) => values[key] as T | undefined;

test('defaults when nothing is set', () => {
  assert.deepEqual(serverSettings(getter({})), DEFAULT_SETTINGS);
});

test('settings are passed in the shape the server reads (check.onType, debounceMs, ignore)', () => {
  const s = serverSettings(getter({ 'check.onType': false, debounceMs: 200, ignore: ['possibly-none'], path: '/x', 'trace.server': 'verbose' }));
  assert.deepEqual(s, { check: { onType: false }, debounceMs: 200, ignore: ['possibly-none'] });
  assert.ok(!('path' in s), 'client-only settings are not sent');
});

test('bad values fall back to defaults', () => {
  const s = serverSettings(getter({ 'check.onType': 'yes', debounceMs: -5, ignore: ['ok-code', 3, ''] }));
  assert.deepEqual(s, { check: { onType: true }, debounceMs: 50, ignore: ['ok-code'] });
  assert.equal(serverSettings(getter({ debounceMs: 12.6 })).debounceMs, 13);
});

test('workspace/configuration items: the molt section, a sub-section, or null', () => {
  const get = getter({ 'check.onType': false });
  assert.deepEqual(configurationItem('molt', get), { check: { onType: false }, debounceMs: 50, ignore: [] });
  assert.deepEqual(configurationItem(undefined, get), configurationItem('molt', get));
  assert.equal(configurationItem('molt.check.onType', get), false);
  assert.deepEqual(configurationItem('molt.check', get), { check: { onType: false } }.check);
  assert.equal(configurationItem('molt.nope', get), null);
  assert.equal(configurationItem('python', get), null);
});

test('only a change of molt.path restarts the server', () => {
  assert.equal(needsRestart((s) => s === 'molt.path'), true);
  assert.equal(needsRestart((s) => s === 'molt.check.onType'), false);
});
