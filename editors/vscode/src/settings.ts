// The `molt` settings section as the server reads it (server/settings.h:
// `check.onType`, `debounceMs`, `ignore`), built from VS Code's configuration.
// The extension answers the server's `workspace/configuration` requests and
// fills `initializationOptions` with this object. Pure: unit-tested in
// test/settings.test.ts.

/** Reads one setting of the `molt` section (VS Code's WorkspaceConfiguration.get). */
export type SettingGetter = <T>(key: string) => T | undefined;

export interface ServerSettings {
  check: { onType: boolean };
  debounceMs: number;
  ignore: string[];
}

export const DEFAULT_SETTINGS: ServerSettings = { check: { onType: true }, debounceMs: 50, ignore: [] };

/** Settings only the client uses: never sent to the server. */
export const CLIENT_ONLY_KEYS = ['path', 'cliPath', 'trace.server'];

export function serverSettings(get: SettingGetter): ServerSettings {
  const onType = get<boolean>('check.onType');
  const debounce = get<number>('debounceMs');
  const ignore = get<unknown>('ignore');
  return {
    check: { onType: typeof onType === 'boolean' ? onType : DEFAULT_SETTINGS.check.onType },
    debounceMs:
      typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 ? Math.round(debounce) : DEFAULT_SETTINGS.debounceMs,
    ignore: Array.isArray(ignore) ? ignore.filter((c): c is string => typeof c === 'string' && c.length > 0) : [],
  };
}

/**
 * Answers a `workspace/configuration` item: the server asks for section
 * `molt` (the whole object); a dotted sub-section gets that part.
 */
export function configurationItem(section: string | undefined, get: SettingGetter): unknown {
  const all = serverSettings(get) as unknown as Record<string, unknown>;
  if (!section || section === 'molt') return all;
  if (!section.startsWith('molt.')) return null;
  let node: unknown = all;
  for (const part of section.slice('molt.'.length).split('.')) {
    if (node === null || typeof node !== 'object' || !(part in (node as object))) return null;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** True when a configuration change concerns the server process itself (needs a restart). */
export function needsRestart(affects: (section: string) => boolean): boolean {
  return affects('molt.path');
}
