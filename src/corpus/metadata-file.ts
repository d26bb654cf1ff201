/**
 * Staff corrections for one text: `<name>.yaml` beside `<name>.txt`. The
 * official text is never edited; the file overrides what was read off it
 * (title, issuer, kind, dates, history …) and says so in `meta.overridden`,
 * which the JSON download carries. Validated with zod; every problem is a
 * located `file:line:column` Problem, like the text's own.
 */
import { z } from 'astro/zod';
import { parseYaml, YamlFileError } from '../data/yaml-file.ts';
import { KINDS } from '../parse/kind.ts';
import { isCalendarDate, slugOf } from './identity.ts';
import type { HistoryEvent, HistoryEventKind, Kind, Meta, MetaField, Problem } from '../tree/types.ts';

/** Every field a metadata file may set, in the order `meta.overridden` lists them. */
export const METADATA_FIELDS = ['title', 'shortTitle', 'issuer', 'docNumber', 'kind', 'issued', 'effective', 'history', 'work', 'version'] as const satisfies readonly MetaField[];

const EVENTS = ['通过', '批准', '公布', '修正', '修订', '施行', '废止'] as const satisfies readonly HistoryEventKind[];

/** A real calendar day written YYYY-MM-DD (YAML 1.2 keeps it a string). */
const isoDate = z.string({ error: required }).refine(isCalendarDate, { message: '日期应写作 YYYY-MM-DD，且是真实存在的日期，例如 2019-04-20' });
const text = z.string({ error: required }).trim().min(1, { message: '不能为空' });

const historyEntry = z.strictObject(
  {
    date: isoDate.optional(),
    event: z.enum(EVENTS, { message: `事件应为以下之一：${EVENTS.join('、')}` }),
    body: text.optional(),
    docNumber: text.optional(),
    decision: text.optional(),
    text,
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `未知字段；历史条目可用的字段：date、event、body、docNumber、decision、text` : undefined) },
);

const schema = z.strictObject(
  {
    title: text.optional(),
    shortTitle: text.optional(),
    issuer: text.optional(),
    docNumber: text.optional(),
    kind: z.enum(KINDS as [Kind, ...Kind[]], { message: `类别应为以下之一：${KINDS.join('、')}` }).optional(),
    issued: isoDate.optional(),
    /** A date, or the date with the printed words that say it (`自2002年7月1日起施行`). */
    effective: z.union([isoDate, z.strictObject({ date: isoDate.optional(), text })]).optional(),
    history: z.array(historyEntry).min(1, { message: '至少要有一条；不需要更正历史时请删去此字段' }).optional(),
    /** The slug of the work this text is a version of (docs/urls.md, "Slugs, works and versions"). */
    work: z
      .string()
      .refine((w) => w.length > 0 && slugOf(w) === w, { message: '应是作品的网址名（文件名去掉版本日期后的写法，如 监察法、chaoyang-government-work-rules）' })
      .optional(),
    version: isoDate.optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `未知字段；可用的字段：${METADATA_FIELDS.join('、')}` : undefined) },
);

function required(issue: { input?: unknown }): string {
  return issue.input === undefined ? '缺少此字段' : '应为一段文字（日期写作 YYYY-MM-DD）';
}

export type MetadataOverride = z.output<typeof schema>;

/** `content/x/地质资料管理条例.txt` → `content/x/地质资料管理条例.yaml`. */
export function metadataPathFor(textPath: string): string {
  return textPath.replace(/\.txt$/i, '') + '.yaml';
}

/**
 * Reads one metadata file. `path` is shown in messages; `source` is its text.
 * An empty file (or only comments) is no override; any problem (syntax, unknown field, bad value) is an error.
 */
export function readMetadataFile(path: string, source: string): { override?: MetadataOverride; problems: Problem[] } {
  // Only comments (a file kept as a note that nothing needs correcting) is no override.
  if (!source.replace(/^\s*#.*$/gm, '').trim()) return { problems: [] };
  try {
    const override = parseYaml(path, source, schema, undefined, { point: 'value' });
    return { override, problems: [] };
  } catch (error) {
    if (!(error instanceof YamlFileError)) throw error;
    return { problems: error.problems.map((p) => ({ severity: 'error', ruleId: 'metadata-file', reason: p.message, line: p.line, column: p.column })) };
  }
}

/** `meta` with the override's fields in place of the derived ones, and `overridden` naming them. */
export function applyMetadata(meta: Meta, override: MetadataOverride | undefined): Meta {
  if (!override) return meta;
  const out: Meta = { ...meta };
  const set = METADATA_FIELDS.filter((f) => override[f] !== undefined);
  for (const field of set) {
    switch (field) {
      case 'effective': {
        const e = override.effective!;
        out.effective = typeof e === 'string' ? { text: chineseDate(e), date: e } : { text: e.text, ...(e.date ? { date: e.date } : {}) };
        break;
      }
      case 'history': {
        out.history = override.history!.map((h) => ({ ...h }) as HistoryEvent);
        // The latest amendment is a function of the history; issued and effective are set on their own.
        const amendment = out.history.findLast((h) => (h.event === '修正' || h.event === '修订') && h.date);
        if (amendment?.date) out.amended = amendment.date;
        else delete out.amended;
        break;
      }
      default:
        (out as unknown as Record<string, unknown>)[field] = override[field];
    }
  }
  const overridden = [...new Set([...(meta.overridden ?? []), ...set])];
  if (overridden.length) out.overridden = METADATA_FIELDS.filter((f) => overridden.includes(f));
  return out;
}


/** `2002-07-01` → `2002年7月1日`: how a date the text does not print reads in the effective field. */
function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
