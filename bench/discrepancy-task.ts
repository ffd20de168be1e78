/**
 * The discrepancy benchmark: `entity-missing` and `number-mismatch` precision and recall on the development cases as
 * they are (their gold number changes) and with names and figures deleted or changed on purpose (bench/inject.ts),
 * plus the warnings on the published pairs (../shared/real/pairs), whose gold `notes` say which are real.
 * The definitions (what a deletable name is, what counts as a false alarm) are printed with the tables.
 * DISC_DEBUG=1 lists the misses and false alarms on stderr.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { alignDocuments, findDiscrepancies } from '../src/index.js';
import type { Discrepancy, EntityMissing, NumberMismatch } from '../src/types.js';
import { fileURLToPath } from 'node:url';
import { loadCases, requireDevRoot, type DevCase } from './dev.js';
import { injectionsFor, type Injection, type InjectionKind } from './inject.js';

interface Case {
  id: string;
  ru: string;
  en: string;
  mismatches: Array<{ ru: number; en: number }>;
}

/** The published pairs (real/pairs beside the development set), with their gold figure mismatches. */
export function loadRealPairs(dir: string): Case[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((id) => existsSync(join(dir, id, 'gold.json')))
    .sort()
    .map((id) => {
      const gold = JSON.parse(readFileSync(join(dir, id, 'gold.json'), 'utf8'));
      return {
        id,
        ru: readFileSync(join(dir, id, 'ru.txt'), 'utf8'),
        en: readFileSync(join(dir, id, 'en.txt'), 'utf8'),
        mismatches: (gold.number_mismatches ?? []).map((m: { ru: number; en: number }) => ({ ru: m.ru, en: m.en })),
      };
    });
}

const check = (ru: string, en: string): Discrepancy[] =>
  findDiscrepancies(alignDocuments(ru, en, { langs: ['ru', 'en'] }), { kinds: ['number-mismatch', 'entity-missing'] });

interface Tally {
  tp: number;
  predicted: number;
  found: number;
  gold: number;
}
const tally = (): Tally => ({ tp: 0, predicted: 0, found: 0, gold: 0 });

/** Score number mismatches of one run against truths (paragraph locations). */
function scoreMismatches(found: NumberMismatch[], truths: Array<{ ru?: number; en: number }>, t: Tally): void {
  const hit = (d: NumberMismatch, g: { ru?: number; en: number }) => d.en.includes(g.en) && (g.ru === undefined || d.ru.includes(g.ru));
  t.predicted += found.length;
  t.tp += found.filter((d) => truths.some((g) => hit(d, g))).length;
  t.gold += truths.length;
  t.found += truths.filter((g) => found.some((d) => hit(d, g))).length;
}

const KINDS: InjectionKind[] = ['name-deleted', 'currency-changed', 'unit-changed', 'figures-swapped', 'figure-changed'];

/** Is `d` the warning an injected name deletion should cause: the name, on the side that still has it, where it is? */
function isInjectedName(injection: Injection, d: Discrepancy): boolean {
  const other = injection.edited === 'ru' ? 'en' : 'ru';
  return d.kind === 'entity-missing' && d.side === other && d[other].includes(injection.otherParagraph) && d.anchor.key === injection.key;
}

/** Where a name warning is and what it names, to tell warnings the injection caused from those the case already had. */
const nameSignature = (d: EntityMissing): string => `${d.side} ${d[d.side].join('+')} ${d.anchor.key}`;

/** A figure mismatch by place, values and reason, to tell those an injection caused from those the case had. */
const mismatchSignature = (d: NumberMismatch): string => `${d.ru.join('+')} ${d.en.join('+')} ${d.ruValue} ${d.enValue} ${d.reason}`;

function detected(injection: Injection, found: Discrepancy[]): boolean {
  if (injection.kind === 'name-deleted') return found.some((d) => isInjectedName(injection, d));
  return found.some((d) => d.kind === 'number-mismatch' && d.en.includes(injection.paragraph) &&
    (injection.kind === 'figures-swapped' || injection.kind === 'figure-changed' || d.reason === 'unit'));
}

interface SetReport {
  name: string;
  cases: number;
  untouchedEntity: number;
  untouchedNumbers: Tally;
  injectedNumbers: Tally;
  byKind: Record<InjectionKind, { injected: number; detected: number }>;
  /** entity-missing warnings in the name-deleted variants, and how many of them are the deleted name. */
  nameWarnings: { all: number; right: number };
  entityValues: string[];
}

/** Run the untouched and the injected variants of every case of a set. */
export function evaluateSet(name: string, cases: Case[]): SetReport {
  const report: SetReport = {
    name, cases: cases.length, untouchedEntity: 0, untouchedNumbers: tally(), injectedNumbers: tally(),
    byKind: Object.fromEntries(KINDS.map((k) => [k, { injected: 0, detected: 0 }])) as SetReport['byKind'],
    nameWarnings: { all: 0, right: 0 }, entityValues: [],
  };
  cases.forEach((c, nth) => {
    const found = check(c.ru, c.en);
    const entities = found.filter((d): d is EntityMissing => d.kind === 'entity-missing');
    report.untouchedEntity += entities.length;
    report.entityValues.push(...entities.map((d) => `${c.id} ${d.side} ¶${d[d.side].join('+')} «${d.value}» ${d.confidence}`));
    const untouchedMismatches = found.filter((d): d is NumberMismatch => d.kind === 'number-mismatch');
    scoreMismatches(untouchedMismatches, c.mismatches, report.untouchedNumbers);
    if (process.env.DISC_DEBUG) {
      for (const d of untouchedMismatches) if (!c.mismatches.some((g) => d.en.includes(g.en) && d.ru.includes(g.ru))) console.error(`UFA ${c.id} ${d.message}`);
    }
    for (const injection of injectionsFor(c.ru, c.en, nth)) {
      const after = check(injection.ru, injection.en);
      const k = report.byKind[injection.kind];
      k.injected++;
      if (detected(injection, after)) k.detected++;
      if (injection.kind === 'name-deleted') {
        // Warnings the untouched case already has are not caused by the injection: neither hits nor false alarms.
        const before = new Set(entities.map(nameSignature));
        const names = after.filter((d): d is EntityMissing => d.kind === 'entity-missing' && !before.has(nameSignature(d)));
        const right = names.some((d) => isInjectedName(injection, d)) ? 1 : 0;
        const wrong = names.filter((d) => !isInjectedName(injection, d));
        report.nameWarnings.all += right + wrong.length;
        report.nameWarnings.right += right;
        if (process.env.DISC_DEBUG) {
          if (!right) {
            const low = findDiscrepancies(alignDocuments(injection.ru, injection.en, { langs: ['ru', 'en'] }), { kinds: ['entity-missing'], minEntityConfidence: 0 })
              .filter((d) => isInjectedName(injection, d)).map((d) => (d as EntityMissing).confidence);
            console.error(`MISS ${c.id} ${injection.edited} ¶${injection.paragraph} «${injection.what}» ${injection.key} conf=${low.join(',') || 'none'}`);
          }
          for (const d of wrong) console.error(`FA ${c.id} del «${injection.what}» → ${d.side} ¶${d[d.side].join('+')} «${d.value}» ${d.confidence}`);
        }
      } else {
        // Only the mismatches the injection caused count: those the untouched case already has are scored above.
        const before = new Set(untouchedMismatches.map(mismatchSignature));
        const caused = after.filter((d): d is NumberMismatch => d.kind === 'number-mismatch' && !before.has(mismatchSignature(d)));
        const t = report.injectedNumbers;
        const hit = detected(injection, caused);
        t.predicted += caused.length;
        t.tp += caused.filter((d) => d.en.includes(injection.paragraph)).length;
        t.gold += 1;
        t.found += hit ? 1 : 0;
        if (process.env.DISC_DEBUG && !hit) console.error(`MISS ${injection.kind} ${c.id} ¶${injection.paragraph} ${injection.what}`);
        if (process.env.DISC_DEBUG) {
          for (const d of caused) if (!d.en.includes(injection.paragraph)) console.error(`NUMFA ${injection.kind} ${c.id} ${d.message}`);
        }
      }
    }
  });
  return report;
}

/** Equivalent forms (RU → EN) that must stay quiet, and wrong figures of each class that must be flagged. */
const EQUIVALENT: Array<[string, string, string]> = [
  ['½ = 0.5', 'Доля составила ½ от общего объёма.', 'The share was 0.5 of the total.'],
  ['10^6 = million', 'Бюджет вырос до 10^6 рублей.', 'The budget grew to 1 million rubles.'],
  ['млн = 1e6', 'Бюджет вырос до 1 млн рублей.', 'The budget grew to 1e6 rubles.'],
  ['млн = 10⁶', 'Бюджет вырос до 1 млн рублей.', 'The budget grew to 10⁶ rubles.'],
  ['2/3 = two-thirds', 'Проголосовали 2/3 жителей.', 'Two-thirds of residents voted.'],
  ['две трети = 2/3', 'Проголосовали две трети жителей.', '2/3 of residents voted.'],
  ['90-е = 1990s', 'В 90-е годы город рос.', 'In the 1990s the city grew.'],
  ['1-м квартале = Q1', 'В 1-м квартале 2024 года выручка выросла.', 'In Q1 2024 revenue grew.'],
  ['05.03.2024 = March 5, 2024', 'Встреча прошла 05.03.2024 в Баку.', 'The meeting took place on March 5, 2024 in Baku.'],
  ['5 марта 2024 = 03/05/2024 (month-day document)', 'Встреча прошла 5 марта 2024 года.', 'The meeting took place on 03/05/2024.'],
  ['5 и 20 марта = 5/3, 20/3 (day-month document)', 'Встречи прошли 5 марта 2024 года и 20 марта 2024 года.', 'The meetings took place on 5/3/2024 and 20/3/2024.'],
  ['10 тысяч = 10,000', 'Пришли 10 тысяч человек.', '10,000 people came.'],
];
const WRONG: Array<[string, string, string]> = [
  ['currency: рублей vs dollars', 'Компания получила 5 млн рублей прибыли.', 'The company made a profit of 5 million dollars.'],
  ['currency: долларов vs €', 'Проект стоил 5 млн долларов.', 'The project cost €5 million.'],
  ['unit: км vs m', 'Дорога длиной 5 км открыта.', 'A road 5 m long is open.'],
  ['percent vs plain', 'Рост составил 45 % за год.', 'Growth was 45 over the year.'],
  ['long integer, one digit', 'Номер счёта 12345678901234567890 указан в договоре.', 'Account number 12345678901234567891 is in the contract.'],
  ['swapped figures', 'Экспорт составил 5 млрд долларов, импорт составил 3 млрд долларов.', 'Exports reached 3 billion dollars, imports reached 5 billion dollars.'],
];

/** The equivalence and wrong-figure tables: how many stay quiet, how many are flagged. */
function formTables(): string[] {
  const figures = (ru: string, en: string) =>
    findDiscrepancies(alignDocuments(ru, en, { langs: ['ru', 'en'] }), { kinds: ['number-mismatch', 'number-missing'] });
  const quiet = EQUIVALENT.filter(([, ru, en]) => figures(ru, en).length === 0);
  const flagged = WRONG.filter(([, ru, en]) => figures(ru, en).some((d) => d.kind === 'number-mismatch'));
  const out = [`Equivalent forms quiet (no number-mismatch or number-missing): ${quiet.length} of ${EQUIVALENT.length}` +
    (quiet.length < EQUIVALENT.length ? ` (not quiet: ${EQUIVALENT.filter((x) => !quiet.includes(x)).map(([n]) => n).join('; ')})` : '') + '.',
  `Wrong-figure classes flagged as number-mismatch: ${flagged.length} of ${WRONG.length}` +
    (flagged.length < WRONG.length ? ` (missed: ${WRONG.filter((x) => !flagged.includes(x)).map(([n]) => n).join('; ')})` : '') + '.'];
  return ['', ...out, '', `(${EQUIVALENT.map(([n]) => n).join('; ')}; ${WRONG.map(([n]) => n).join('; ')}.)`];
}

const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '–');
const ratio = (a: number, b: number): string => (b ? f3(a / b) : '–');

/** The benchmark section as markdown lines. */
export function discrepancySection(devRoot: string): string[] {
  const shared = resolve(devRoot, '..');
  const sets: Array<[string, Case[]]> = [
    ['dev', loadCases(devRoot) as DevCase[]],
    ['dev23', existsSync(join(shared, 'dev23', 'cases')) ? loadCases(join(shared, 'dev23')) : []],
    ['real', loadRealPairs(join(shared, 'real', 'pairs'))],
  ];
  const reports = sets.filter(([, cases]) => cases.length > 0).map(([name, cases]) => evaluateSet(name, cases));
  const out: string[] = [];
  out.push('## Names and figures: discrepancy check');
  out.push('');
  out.push('Each case as it is (gold number changes only), then with one discrepancy injected per kind where the case allows it');
  out.push('(bench/inject.ts). Definitions:');
  out.push('');
  out.push('- **name deleted**: a name both versions of a link carry (the same anchor key once in each, none in the neighbouring links');
  out.push('  of the edited side), in title case on both sides (no acronyms, by the check\'s own acronym shape: SoC, NGOs), never');
  out.push('  written in lower case as a word of its own in either document, capitalised in the middle of a sentence in the Russian');
  out.push('  (where Russian capitals mark names only; not a sentence, line, cell or quotation start, nor a field label of a');
  out.push('  "Label: value" line, which the check treats as a cell start),');
  out.push('  deleted from one side (alternating) where no word of the edited link or its');
  out.push('  neighbours starts with the first five letters of a word of it afterwards (no other mention or case form is left).');
  out.push('  **Recall**: the check reports that name (its key), on the side that still has it, in its paragraph. **Precision**: that');
  out.push('  warning over it plus every other `entity-missing` warning the injected variant has and the untouched case does not');
  out.push('  (same side, paragraph and key); warnings the untouched case already has are not caused by the injection and count');
  out.push('  neither way (they are listed for the published pairs below).');
  out.push('- **currency / unit changed**: the currency or unit of an agreeing digit figure changed in the English (dollars → euros,');
  out.push('  km → m, kg → g, % dropped …), kept only if the edited figure is still read with its value and another unit; detected');
  out.push('  by a `number-mismatch` of reason `unit` in that paragraph. **figures swapped**: two agreeing digit figures of one');
  out.push('  English paragraph, same unit, other values, exchanged where the edited text still reads both as they were; detected');
  out.push('  by any `number-mismatch` in that paragraph. **figure changed**: one digit of an agreeing digit figure of the English');
  out.push('  raised by one (2014 → 3014, 4.3 → 5.3), the case\'s n-th such figure in text order, kept where the edited text reads');
  out.push('  it with the new value and the same unit; detected by any `number-mismatch` in that paragraph (so a link the change');
  out.push('  broke counts as a miss).');
  out.push('- **number-mismatch P / R on injected figures**: over the currency, unit, swap and changed-figure variants, the mismatches the');
  out.push('  injection caused (those the untouched case does not have, by place, values and reason): precision = those in the');
  out.push('  injected paragraph over all of them; recall = injections detected over injections. The untouched cases are scored');
  out.push('  against their gold changes in the column before.');
  out.push('');
  out.push('| set | cases | entity-missing on untouched cases | number-mismatch P / R (untouched, gold changes) | number-mismatch false alarms (untouched) | number-mismatch P / R (on injected figures) |');
  out.push('|---|---|---|---|---|---|');
  for (const r of reports) {
    const u = r.untouchedNumbers;
    const i = r.injectedNumbers;
    out.push(`| ${r.name} | ${r.cases} | ${r.untouchedEntity} | ${ratio(u.tp, u.predicted)} / ${ratio(u.found, u.gold)} | ${u.predicted - u.tp} | ${ratio(i.tp, i.predicted)} / ${ratio(i.found, i.gold)} |`);
  }
  out.push('');
  out.push('| set | name deleted: recall | entity-missing precision (warnings the injection caused) | currency changed | unit changed | figures swapped | figure changed |');
  out.push('|---|---|---|---|---|---|---|');
  for (const r of reports) {
    const cell = (k: InjectionKind) => `${r.byKind[k].detected}/${r.byKind[k].injected} (${ratio(r.byKind[k].detected, r.byKind[k].injected)})`;
    out.push(`| ${r.name} | ${cell('name-deleted')} | ${ratio(r.nameWarnings.right, r.nameWarnings.all)} (${r.nameWarnings.right} of ${r.nameWarnings.all}) | ${cell('currency-changed')} | ${cell('unit-changed')} | ${cell('figures-swapped')} | ${cell('figure-changed')} |`);
  }
  out.push(...formTables());
  out.push(...collectionSection(join(shared, 'real', 'collection')));
  const real = reports.find((r) => r.name === 'real');
  if (real) {
    out.push('');
    out.push(`entity-missing warnings on the published pairs (${real.entityValues.length}; read against each pair's gold notes):`);
    out.push('');
    for (const line of real.entityValues) out.push(`- ${line}`);
  }
  out.push('');
  return out;
}

/** Kinds counted on the pairing collection's published pairs. */
const COLLECTION_KINDS = ['number-mismatch', 'number-missing', 'entity-missing', 'unmatched-paragraph'] as const;

/**
 * Warnings on the gold pairs of the pairing collection (real/collection: published Debian translations, no gold
 * alignment): neither injected nor corrected, so nearly every warning there is a false alarm or a real liberty
 * of the translator. Counted by kind and per 100 linked paragraph pairs, to see what a change does to them.
 */
function collectionSection(dir: string): string[] {
  const goldPath = join(dir, 'gold_pairs.json');
  if (!existsSync(goldPath)) return [];
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { pairs: Array<[string, string]>; files: Record<string, { lang: 'ru' | 'en' }> };
  const counts = new Map<string, number>(COLLECTION_KINDS.map((kind) => [kind, 0]));
  let links = 0;
  let refused = 0;
  for (const pair of gold.pairs) {
    const [ru, en] = gold.files[pair[0]]!.lang === 'ru' ? pair : [pair[1], pair[0]];
    const read = (file: string): string => readFileSync(join(dir, 'docs', file), 'utf8');
    try {
      const alignment = alignDocuments(read(ru), read(en), { langs: ['ru', 'en'] });
      links += alignment.links.length;
      for (const d of findDiscrepancies(alignment, { kinds: [...COLLECTION_KINDS] })) counts.set(d.kind, counts.get(d.kind)! + 1);
    } catch {
      refused++;
    }
  }
  const per100 = (n: number): string => (links ? ((100 * n) / links).toFixed(2) : '–');
  return [
    '',
    `Warnings and errors on the ${gold.pairs.length} gold pairs of the pairing collection (published translations, nothing injected; ${links} links${refused ? `, ${refused} pairs refused` : ''}): count (per 100 links).`,
    '',
    `| ${COLLECTION_KINDS.join(' | ')} |`,
    `|${COLLECTION_KINDS.map(() => '---').join('|')}|`,
    `| ${COLLECTION_KINDS.map((kind) => `${counts.get(kind)} (${per100(counts.get(kind)!)})`).join(' | ')} |`,
  ];
}

// Run on its own (`npx tsx bench/discrepancy-task.ts`): print the section.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const line of discrepancySection(requireDevRoot())) console.log(line);
}
