import { common } from './catalog/common';
import { results } from './catalog/results';
import { errors } from './catalog/errors';
import { encuentro } from './catalog/encuentro';
import { encuentroUi } from './catalog/encuentro-ui';
import { importMessages } from './catalog/import';
import { importReview } from './catalog/import-review';
import { jury } from './catalog/jury';
import { juryUi } from './catalog/jury-ui';
import { sede } from './catalog/sede';
import { sedeUi } from './catalog/sede-ui';
import { ui } from './catalog/ui';
import { who } from './catalog/who';

/**
 * The Spanish (es-PE) message catalog. Every user-facing string — in the UI, in error
 * messages sent by the services, in exported files — is looked up here, so wording is
 * reviewed in one place and a second language can be added without touching code.
 * Each feature keeps its keys in its own file under catalog/.
 */
export const messages = { ...common, ...errors, ...importMessages, ...importReview, ...ui, ...jury, ...encuentro, ...encuentroUi, ...results, ...juryUi, ...sede, ...sedeUi, ...who } as const;

export type MessageKey = keyof typeof messages;
export type MessageParams = Record<string, string | number>;

export const LOCALE = 'es-PE';

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

/**
 * Looks a key up and fills `{name}` placeholders. Unknown placeholders stay visible.
 * Counted words use the ICU plural form, with Spanish rules and `#` for the number:
 * `{count, plural, one {# fila} other {# filas}}` («1 fila», «2 filas», «0 filas»).
 */
export function t(key: MessageKey, params?: MessageParams): string {
  const template: string = messages[key];
  if (!params) return template;
  return fill(template, params);
}

function fill(template: string, params: MessageParams): string {
  return expandPlurals(template, params).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : formatParam(value);
  });
}

const pluralRules = new Intl.PluralRules(LOCALE);
const PLURAL_START = /\{(\w+),\s*plural,/g;

/** Replaces each `{name, plural, one {…} other {…}}` with the form for params[name]. */
function expandPlurals(template: string, params: MessageParams): string {
  if (!template.includes(', plural,')) return template;
  let out = '';
  let from = 0;
  for (const start of template.matchAll(PLURAL_START)) {
    if (start.index < from) continue;
    const parsed = parsePluralOptions(template, start.index + start[0].length);
    if (!parsed) continue;
    const name = start[1] ?? '';
    const value = params[name];
    out += template.slice(from, start.index);
    if (typeof value !== 'number') {
      out += template.slice(start.index, parsed.end);
    } else {
      const form = parsed.options.get(`=${value}`) ?? parsed.options.get(pluralRules.select(value)) ?? parsed.options.get('other') ?? '';
      out += form.replace(/#/g, formatParam(value));
    }
    from = parsed.end;
  }
  return out + template.slice(from);
}

/** Reads `one {…} other {…}}` from `at`; returns the forms and where the plural ends. */
function parsePluralOptions(template: string, at: number): { options: Map<string, string>; end: number } | null {
  const options = new Map<string, string>();
  let i = at;
  for (;;) {
    while (template[i] === ' ') i += 1;
    if (template[i] === '}') return { options, end: i + 1 };
    const selector = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(template.slice(i));
    if (!selector) return null;
    i += selector[0].length;
    let depth = 1;
    const bodyStart = i;
    while (i < template.length && depth > 0) {
      if (template[i] === '{') depth += 1;
      if (template[i] === '}') depth -= 1;
      i += 1;
    }
    if (depth > 0) return null;
    options.set(selector[1] ?? 'other', template.slice(bodyStart, i - 1));
  }
}

// 'min2': years such as 2024 stay ungrouped, 10,000 rows still get their separator.
const numberFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2, useGrouping: 'min2' });

function formatParam(value: string | number): string {
  return typeof value === 'number' ? numberFormat.format(value) : value;
}

// Building an Intl.NumberFormat costs far more than formatting with it, and a screen such as the
// scoring grid formats hundreds of numbers at once: one formatter per precision, made once.
const numberFormats = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number, fractionDigits = 2): string {
  let format = numberFormats.get(fractionDigits);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: fractionDigits });
    numberFormats.set(fractionDigits, format);
  }
  return format.format(value);
}

/**
 * Times are Peru's, whatever the computer's clock is set to (a laptop left on UTC, a projector
 * PC in another zone): the Encuentro and the contest happen in Peru, and the stored instants are UTC.
 */
export const TIME_ZONE = 'America/Lima';

const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });
const timeFormat = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat.format(date);
}

/** "09:15", in Peru's time. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeFormat.format(date);
}

/**
 * The instant as Peru's wall clock, in a Date whose UTC fields hold it: what a spreadsheet cell
 * (which has no time zone) must store for Excel to show Peru's time.
 */
export function peruWallClock(iso: string): Date | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second));
}
