/**
 * Mirror presets are data, not code: who may use each mirror, its limits, its status page and the date its facts
 * were checked, in both languages. Wharf ships a list (mirror-presets.json); a user may load a newer one from a file
 * or a URL they choose — Wharf never fetches one on its own. This schema checks both the same way.
 */
import { z } from 'zod';
import builtIn from './mirror-presets.json';

const text = z.string().min(1).max(1000);
const texts = z.object({ en: text, 'zh-CN': text }).strict();
const httpsUrl = z.string().max(300).regex(/^https:\/\/[a-z0-9.-]+(:\d+)?(\/[\w./-]*)?$/i);
const host = z.string().max(253).regex(/^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?$/);

export const mirrorPresetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/),
    name: texts,
    /** A Docker Hub mirror anyone may put in registry-mirrors as is. */
    hubMirror: httpsUrl.optional(),
    /** Or one with the user's own part: https://<your-id>.mirror.aliyuncs.com */
    hubMirrorPattern: z.string().max(300).regex(/^https:\/\/[^\s]*<your-id>[^\s]*$/).optional(),
    /** A prefix mirror and the registries it serves (m.daocloud.io/ghcr.io/…). */
    prefix: z.object({ host, registries: z.array(host).min(1).max(50) }).strict().optional(),
    /** Usable only from somewhere (a cloud's own hosts, a campus): shown as a warning. */
    restricted: z.boolean().optional(),
    audience: texts,
    limits: texts,
    statusPage: httpsUrl.optional(),
    /** When its facts were checked: YYYY-MM or YYYY-MM-DD. */
    checkedAt: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/),
  })
  .strict()
  .refine((p) => p.hubMirror !== undefined || p.hubMirrorPattern !== undefined || p.prefix !== undefined, { message: 'a preset needs hubMirror, hubMirrorPattern or prefix' });

export const mirrorPresetListSchema = z
  .object({
    format: z.literal('wharf-mirror-presets'),
    version: z.literal(1),
    presets: z.array(mirrorPresetSchema).min(1).max(100),
  })
  .strict()
  .refine((list) => new Set(list.presets.map((p) => p.id)).size === list.presets.length, { message: 'preset ids must be unique' });

export type MirrorPreset = z.infer<typeof mirrorPresetSchema>;
export type MirrorPresetList = z.infer<typeof mirrorPresetListSchema>;

/** The presets in use and where they came from. */
export interface MirrorPresets {
  presets: MirrorPreset[];
  source: { kind: 'built-in' } | { kind: 'file' | 'url'; from: string; loadedAt: number };
}

/** The list Wharf ships (checked by a unit test against the schema). */
export const BUILT_IN_PRESETS: MirrorPresetList = builtIn as MirrorPresetList;

/** The mirror address from a pattern and what the user pasted: the id alone, or the whole address (scheme optional). */
export function mirrorFromPattern(pattern: string, pasted: string): string | undefined {
  const bare = (text: string): string => text.replace(/^https:\/\//, '');
  const typed = bare(pasted.trim().toLowerCase().replace(/\/+$/, ''));
  const [before = '', after = ''] = bare(pattern).split('<your-id>');
  const id = typed.startsWith(before) && typed.endsWith(after) && typed.length > before.length + after.length ? typed.slice(before.length, typed.length - after.length) : typed;
  return /^[a-z0-9]{4,40}$/.test(id) ? `https://${before}${id}${after}` : undefined;
}
