/**
 * What every alignment must satisfy, whatever the input: shared by the property-based and hardening tests (a
 * plain module, so importing it does not register any test twice).
 */
import { expect } from 'vitest';
import { toSourceOffset, type Alignment, type Discrepancy, type Document } from '../src/index.js';

/**
 * Every paragraph of both documents in exactly one link, links in order (monotonic and contiguous), scores in
 * [0, 1], and every paragraph and anchor slicing back out of its document's source. Problems are collected and
 * asserted once: an expect() per paragraph and anchor would dominate the run time on large documents.
 */
export function checkInvariants(alignment: Alignment): void {
  const { ru, en, links } = alignment;
  const problems: string[] = [];
  const seenRu: number[] = [];
  const seenEn: number[] = [];
  links.forEach((link, k) => {
    if (link.ru.length + link.en.length === 0) problems.push(`link ${k} is empty`);
    if (!(link.score >= 0 && link.score <= 1)) problems.push(`link ${k} scores ${link.score}`);
    seenRu.push(...link.ru);
    seenEn.push(...link.en);
  });
  // Exactly once each, in order (monotonic and contiguous).
  if (seenRu.some((i, k) => i !== k) || seenRu.length !== ru.paragraphs.length) problems.push(`Russian paragraphs in links: ${seenRu.join(',')}`);
  if (seenEn.some((j, k) => j !== k) || seenEn.length !== en.paragraphs.length) problems.push(`English paragraphs in links: ${seenEn.join(',')}`);
  problems.push(...documentProblems(ru), ...documentProblems(en));
  expect(problems).toEqual([]);
}

/** Paragraphs in order, disjoint, each `source.slice(start, end) === text`; anchors inside and slicing back. */
export function checkDocument(doc: Document): void {
  expect(documentProblems(doc)).toEqual([]);
}

function documentProblems(doc: Document): string[] {
  const problems: string[] = [];
  let previousEnd = 0;
  doc.paragraphs.forEach((paragraph, k) => {
    const where = `${doc.lang} ¶${k}`;
    if (paragraph.index !== k) problems.push(`${where}: index ${paragraph.index}`);
    if (paragraph.start < previousEnd || paragraph.end < paragraph.start) problems.push(`${where}: span ${paragraph.start}-${paragraph.end} after ${previousEnd}`);
    previousEnd = paragraph.end;
    if (doc.source.slice(paragraph.start, paragraph.end) !== paragraph.text) problems.push(`${where}: text does not slice back`);
    if (paragraph.shifts[0]?.[0] !== 0 || paragraph.shifts[0]?.[1] !== paragraph.start) problems.push(`${where}: first shift ${paragraph.shifts[0]}`);
    for (const anchor of paragraph.anchors) {
      if (doc.source.slice(anchor.start, anchor.end) !== anchor.surface) problems.push(`${where}: anchor ${anchor.key} does not slice back`);
      if (anchor.start < paragraph.start || anchor.end > paragraph.end) problems.push(`${where}: anchor ${anchor.key} outside its paragraph`);
    }
  });
  return problems;
}

/**
 * Every clean offset of every paragraph maps into the paragraph's source span, in order (never backwards).
 * Linear in the total clean length.
 */
export function checkOffsets(doc: Document): void {
  const problems: string[] = [];
  for (const paragraph of doc.paragraphs) {
    let previous = paragraph.start;
    for (let k = 0; k < paragraph.clean.length; k++) {
      const at = toSourceOffset(paragraph, k);
      if (at < previous || at >= paragraph.end) problems.push(`¶${paragraph.index} clean ${k} → source ${at}`);
      previous = at;
    }
  }
  // One assertion for the whole document: an expect() per character would dominate the run time.
  expect(problems).toEqual([]);
}

/** Discrepancies point at paragraphs that exist and carry a message. */
export function checkDiscrepancies(alignment: Alignment, discrepancies: readonly Discrepancy[]): void {
  const bad = discrepancies.filter(
    (d) => !d.message || d.ru.some((i) => !alignment.ru.paragraphs[i]) || d.en.some((j) => !alignment.en.paragraphs[j]),
  );
  expect(bad).toEqual([]);
}
