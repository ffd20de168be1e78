/**
 * Names present in one version only, reported only when the word is confidently a name and confidently absent.
 *
 * How sure the word is a name ({@link nameConfidence}): a gazetteer name is; a capitalised word written so in the
 * middle of a prose sentence somewhere in its document is; an acronym, or a capitalised word seen only where capitals
 * say nothing (sentence or table-cell start, a field label, an English heading or Title Case line) is not by itself, nor a word the
 * document also writes in lower case.
 *
 * How sure it is absent ({@link absenceConfidence}): no word of the other version's link (and its neighbours) carries
 * its key, its spelling, a transcription of it (see anchors/transcription.ts) or a first-name variant; a weak
 * transcription match leaves it doubtful. The product is the warning's `confidence`.
 */
import { firstNameGroup, nameSimilarity } from '../anchors/transcription.js';
import { collectMentionedKeys, FIRST_NAMES, hasPatronymicEnding } from '../anchors/names.js';
import { toLatin, tokenize, type Token, type WordInfo } from '../anchors/translit.js';
import { foldForMatching, toCleanOffset } from '../text/normalize.js';
import type { Anchor, Document, GlossaryEntry, Lang, Paragraph } from '../types.js';
import type { SearchScope } from './scope.js';
import { JOINED, NEUTRAL, TokenWindow, type TokenSlot } from './token-window.js';

/** What the document says about a word's capitals: lower-case uses, capitalised uses where capitals mean a name. */
interface WordUse {
  lower: number;
  prose: number;
}

/**
 * Per document: how each word is written across the document, and the tokens of the paragraphs the check is
 * looking at. A check walks the links in order and reads a link's paragraphs and its neighbours', so only the
 * last {@link RECENT_PARAGRAPHS} paragraphs' tokens are kept (every paragraph's took some 70 MB in a 5 MB pair),
 * or all of a document of up to {@link WHOLE_DOCUMENT_PARAGRAPHS} paragraphs.
 */
export interface NameContext {
  doc: Document;
  /** The tokens of the recent paragraphs (matching form), with their neutral-capital flags. */
  recent: TokenWindow;
  uses: Map<string, WordUse>;
  /** The paragraphs {@link mentionedIn} was last asked about, and its answer. */
  mentioned?: { indices: readonly number[]; glossary: GlossaryEntry[] | undefined; keys: Set<string> };
  /** The paragraphs {@link anchorKeysOf} was last asked about, and its answer. */
  anchorKeys?: { indices: readonly number[]; keys: Set<string> };
}

/** Paragraphs whose tokens a {@link NameContext} keeps: a link and its neighbours need a handful. */
const RECENT_PARAGRAPHS = 12;
/**
 * Documents of up to this many paragraphs keep every paragraph's tokens, read once when the context is made: the
 * check then reads none of them again (a short pair's check read most of its paragraphs twice).
 */
const WHOLE_DOCUMENT_PARAGRAPHS = 64;

const HEADING_WORDS = 10;
// A character joined to a lower-case word that makes it part of a package, file or address name.
const TECHNICAL_EDGE = /[-_./\\@:\d]/;
// A character in front of a word that makes its capital say nothing: a cell, list item, bracket or quotation start.
const OPENERS = new Set(['|', '(', '[', '«', '"', '“', '„', "'", '‘', '—', '–', '-', '•', '*']);

/** Capitalisation facts of a document, computed once per check. Linear in the document length. */
export function nameContext(doc: Document): NameContext {
  const uses = new Map<string, WordUse>();
  const recent = new TokenWindow(doc.paragraphs.length <= WHOLE_DOCUMENT_PARAGRAPHS ? doc.paragraphs.length : RECENT_PARAGRAPHS);
  const context: NameContext = { doc, recent, uses, mentioned: undefined, anchorKeys: undefined };
  for (let index = 0; index < doc.paragraphs.length; index++) {
    const { text, slot } = readParagraph(context, index);
    for (let k = 0; k < slot.count; k++) {
      const info = slot.infos[k]!;
      if (info.letters < 2 || info.script === 'none' || info.text.length > 40) continue;
      let use = uses.get(info.norm);
      if (use === undefined) {
        use = { lower: 0, prose: 0 };
        uses.set(info.norm, use);
      }
      if (!info.capitalised && !info.allCaps) {
        // A package, file or address name (linux-image-2.6, oauth_token, debian.org) is no lower-case use.
        const start = slot.starts[k]!;
        if (!TECHNICAL_EDGE.test(text.charAt(start - 1)) && !TECHNICAL_EDGE.test(text.charAt(start + info.text.length))) use.lower++;
      } else if (!neutralAt(slot, k)) use.prose++;
    }
  }
  return context;
}

/**
 * The tokens of paragraph `index` and their neutral-capital flags, read again unless among the recent ones. Valid
 * until {@link RECENT_PARAGRAPHS} other paragraphs of the same context are read (never, in a short document).
 */
function paragraphTokens(context: NameContext, index: number): TokenSlot {
  return context.recent.find(index) ?? readParagraph(context, index).slot;
}

/** Read paragraph `index`'s tokens (matching form) and their flags into the window's oldest slot. */
function readParagraph(context: NameContext, index: number): { text: string; slot: TokenSlot } {
  const text = foldForMatching(context.doc.paragraphs[index]!.clean);
  const tokens = tokenize(text);
  const neutral = neutralCapitals(text, tokens, context.doc.lang);
  const slot = context.recent.take(index, tokens.length);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    // A token's text is its spelling's (translit.ts): the slot keeps the spelling only.
    slot.infos[k] = t.info;
    slot.starts[k] = t.start;
    slot.flags[k] = (t.joined ? JOINED : 0) | (neutral[k] ? NEUTRAL : 0);
  }
  return { text, slot };
}

const joinedAt = (slot: TokenSlot, k: number): boolean => (slot.flags[k]! & JOINED) !== 0;
const neutralAt = (slot: TokenSlot, k: number): boolean => (slot.flags[k]! & NEUTRAL) !== 0;

/** Per token: is it where a capital letter says nothing about the word? */
function neutralCapitals(text: string, tokens: readonly Token[], lang: Lang): boolean[] {
  const trimmed = text.trimEnd();
  const words = tokens.filter((t) => t.info.letters >= 2).length;
  // An English heading, table row or list item: no closing punctuation, few words.
  const heading = lang === 'en' && words <= HEADING_WORDS && !/[.!?…]["»”')\]]*$/.test(trimmed);
  const title = lang === 'en' ? titleSentences(tokens) : new Set<number>();
  const labels = fieldLabelStarts(text);
  return tokens.map((t) => {
    if (t.initial || heading || title.has(t.sentence) || labels.has(t.start)) return true;
    let k = t.start - 1;
    while (k >= 0 && text.charCodeAt(k) === 0x20) k--;
    return k < 0 || OPENERS.has(text.charAt(k));
  });
}

const MAX_TITLE_WORDS = 12;

/** English sentences written in Title Case: most words of four letters or more capitalised, twelve at most. */
function titleSentences(tokens: readonly Token[]): Set<number> {
  const long = new Map<number, number>();
  const caps = new Map<number, number>();
  for (const t of tokens) {
    if (t.info.letters < 4) continue;
    long.set(t.sentence, (long.get(t.sentence) ?? 0) + 1);
    if (t.info.capitalised) caps.set(t.sentence, (caps.get(t.sentence) ?? 0) + 1);
  }
  const out = new Set<number>();
  // A title is short: a long sentence with many capitals is prose full of names.
  for (const [s, n] of long) if (n >= 3 && n <= MAX_TITLE_WORDS && (caps.get(s) ?? 0) / n >= 0.6) out.add(s);
  return out;
}

// Word shapes of common words rather than names.
const EN_COMMON_SUFFIX = /(?:ing|ed|ly|tion|sion|ment|ness|ity|ers|ors|able|ible|ive|ful|less|ous|ance|ence|ism|ist|ures|ies)$/;
const RU_COMMON_SUFFIX = /(?:ние|нии|ния|тие|ция|ции|ость|ости|ство|ства|тель|ый|ая|ое|ые|ие|ой|ого|ому|ыми|ими)$/;

/** The capitalised word right after an anchor's last word in its sentence, if any ("Cape" → "Town"). */
export function nextCapitalised(context: NameContext, index: number, anchor: Anchor): string | undefined {
  const paragraph = context.doc.paragraphs[index]!;
  const end = toCleanOffset(paragraph, anchor.end);
  const slot = paragraphTokens(context, index);
  for (let k = 0; k < slot.count; k++) {
    if (slot.starts[k]! < end) continue;
    const info = slot.infos[k]!;
    return joinedAt(slot, k) && info.capitalised && !info.allCaps ? info.text : undefined;
  }
  return undefined;
}

/** The token of a paragraph an anchor was read from (same start in the clean text), if any. */
function tokenIndexOf(context: NameContext, paragraph: Paragraph, index: number, anchor: Anchor): number {
  const at = toCleanOffset(paragraph, anchor.start);
  const slot = paragraphTokens(context, index);
  let lo = 0;
  let hi = slot.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (slot.starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo < slot.count && slot.starts[lo] === at ? lo : -1;
}

/**
 * How sure it is that an entity anchor is a name, in [0, 1]: 0.95 for a gazetteer name, 0.9 for a word written
 * with a capital in the middle of a prose sentence (0.85 for a capitalised Latin word in a Russian text, which
 * the translator left in its own spelling), 0.8 for an acronym of six letters or more, 0.6 for a shorter one, at most 0.45 for a word whose capital only ever
 * stands where capitals say nothing, 0.2 for a word the document also writes in lower case.
 */
export function nameConfidence(
  context: NameContext,
  index: number,
  anchor: Anchor,
  namedThere?: (word: string) => boolean,
): number {
  const id = anchor.key.slice('ent:'.length);
  const paragraph = context.doc.paragraphs[index]!;
  const k = tokenIndexOf(context, paragraph, index, anchor);
  // A gazetteer or glossary id; in lower case it is a common phrase the gazetteer also knows ("armed forces").
  if (/[A-Z_]/.test(id)) return /\p{Lu}/u.test(anchor.surface) ? 0.95 : 0.6;
  const slot = paragraphTokens(context, index);
  const info = k >= 0 ? slot.infos[k] : undefined;
  if (info === undefined) return 0.5;
  const use = context.uses.get(info.norm) ?? { lower: 0, prose: 0 };
  if (use.lower > 0) return 0.2;
  const text = info.text;
  // Acronyms, also in the plural or with a small letter inside (CDs, NGOs, DoS): translations spell them out.
  // Long ones (six letters or more: АЗЕРТАДЖ, MENAFN) are more often names of organisations than of things.
  if (info.allCaps) return info.letters >= 6 ? 0.8 : 0.6;
  if (isAcronym(text)) return 0.6;
  const innerCapital = info.script === 'lat' && /[A-Z]/.test(text.slice(1)) && /[a-z]/.test(text);
  if (innerCapital) return 0.9; // DebConf, iPhone
  // A run of capitalised words is a title phrase, or a name when the other version names the rest of it; a
  // common-word ending then says nothing (Vitaly Mutko, Zhang Daming).
  // A Latin run in a Russian text is a title the translator kept in its own spelling, so a name ("Monitoring Plugins").
  const run = info.script === 'lat' && context.doc.lang === 'ru' ? 'name' : capitalRun(context, index, k, namedThere);
  const common = run === 'title' ||
    (run !== 'name' && (info.script === 'lat' ? EN_COMMON_SUFFIX : RU_COMMON_SUFFIX).test(info.norm) && info.norm.length >= 5);
  let confidence: number;
  if (use.prose > 0) confidence = neutralAt(paragraphTokens(context, index), k) ? 0.8 : 0.9;
  else if (info.script === 'lat' && context.doc.lang === 'ru') confidence = 0.85;
  // Seen only where a capital says nothing (sentence, cell or quotation start, an English heading or title): a
  // first name stays a name, other words are doubtful.
  else if (isFirstName(info)) confidence = 0.8;
  else confidence = info.script === 'cyr' ? 0.45 : 0.3;
  if (common) confidence *= 0.6;
  // "the Cloud", "the Internet": a common noun made a name by its article (names of people take none).
  if (info.script === 'lat' && context.doc.lang === 'en' && theBefore(context, index, k)) confidence *= 0.8;
  return confidence;
}

/**
 * Is the word an acronym: all capitals, or capitals with a plural or case ending or a small letter inside (NGOs,
 * DoS, SoC, ВОЗом)? Translations spell acronyms out, so they are doubtful names.
 */
export function isAcronym(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return true;
  return /^[A-Z]{2,}s$/.test(word) || (word.length <= 4 && /[A-Z].*[A-Z]/.test(word)) || /^[А-ЯЁ]{2,}[а-яё]{1,3}$/.test(word);
}

// A field label of a line of "Label: value" fields: a capitalised word right before a colon and a space.
const FIELD_LABEL = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}-]*:(?=\s)/gu;

/**
 * Offsets of the field labels of a paragraph written as "Label: value" fields ("Где: Брно Что: Празднование
 * Регистрация: обязательна", a table or form flattened to one line): capitalised words right before a colon, when
 * the paragraph has two such labels or more. A label's capital starts a field, as a table cell's does, and says
 * nothing about the word.
 */
export function fieldLabelStarts(text: string): ReadonlySet<number> {
  // Two labels take two colons: most paragraphs have fewer, and skip the expression (a tenth of the check's time).
  const colon = text.indexOf(':');
  if (colon < 0 || text.indexOf(':', colon + 1) < 0) return NO_LABELS;
  const starts = [...text.matchAll(FIELD_LABEL)].map((m) => m.index!);
  return starts.length >= 2 ? new Set(starts) : NO_LABELS;
}

const NO_LABELS: ReadonlySet<number> = new Set();

// Words that end the noun phrase a name heads ("the Internet is", "the Cloud and").
const PHRASE_END = new Set(`is are was were has have had and or of in on at to for from with by as that which who will would can could
may might should must does did be been`.split(/\s+/));

/** Is a token in the script of its document's language? */
const ownScript = (context: NameContext, info: WordInfo): boolean => info.script === (context.doc.lang === 'ru' ? 'cyr' : 'lat');

/**
 * Is the token right after "the", heading its noun phrase ("the Cloud", "the Internet is")? A name used as the
 * modifier of a noun ("the Brexit referendum", "the Blatten municipality") is not such a common noun.
 */
function theBefore(context: NameContext, index: number, k: number): boolean {
  const slot = paragraphTokens(context, index);
  const prev = k > 0 ? slot.infos[k - 1] : undefined;
  const next = k + 1 < slot.count ? slot.infos[k + 1] : undefined;
  if (prev === undefined || prev.norm !== 'the' || !joinedAt(slot, k)) return false;
  return next === undefined || !joinedAt(slot, k + 1) || (!next.capitalised && PHRASE_END.has(next.norm));
}

/**
 * What the run of capitalised words around a token in the middle of a sentence says: `title` for a run ("Long
 * Term Support", "Dark Ages") none of whose words is a known first name and most of whose other words the other
 * version does not name (such runs are as often named things the translation renders in common words as they are
 * names); `name` for the words of a run from a known first name on (Ian Murdock; not "Executive" in Executive
 * Director John Sullivan) or for a run whose other words, in the same script, the other version names most of (`namedThere`: Elvira Nabiullina, where the translation names Набиуллина,
 * is a person even if Elvira is not in the first-name table); `none` for a word on its own. A word where capitals
 * say nothing (a sentence start: "Психолог Вероника Степанова") is not part of a run.
 */
function capitalRun(context: NameContext, index: number, k: number, namedThere?: (word: string) => boolean): 'title' | 'name' | 'none' {
  const slot = paragraphTokens(context, index);
  const { infos } = slot;
  let from = k;
  while (from > 0 && joinedAt(slot, from) && isCapitalWord(infos[from - 1]!) && !neutralAt(slot, from - 1)) from--;
  let to = k;
  while (to + 1 < slot.count && joinedAt(slot, to + 1) && isCapitalWord(infos[to + 1]!)) to++;
  if (to === from) return 'none';
  let named = 0;
  for (let i = from; i <= to; i++) {
    const word = infos[i]!;
    // A first name makes a name of itself and the words after it; the words before it are a title the
    // translation writes in common words (FSF Executive Director John Sullivan).
    if (isFirstName(word)) return i <= k ? 'name' : 'title';
    if (i !== k && namedThere !== undefined && word.script === infos[k]!.script && namedThere(word.text)) named++;
  }
  return named * 2 > to - from ? 'name' : 'title';
}

/** A known first name: in the first-name list or a variant group, in any case ending (Антону, Ian = Иэн). */
const isFirstName = (info: WordInfo): boolean => FIRST_NAMES.has(info.norm) || firstNameGroup(info.text) !== undefined;

/** A capitalised word (not all capitals) of two letters or more: a word of a run of capitalised words. */
const isCapitalWord = (info: WordInfo): boolean => info.capitalised && !info.allCaps && info.letters >= 2;

/**
 * How sure it is that the other version's paragraphs (`otherIndices`) do not name the anchor's name, in [0, 1]:
 * 0 when a word there carries its key, spelling or a transcription or variant of it (see `nameSimilarity`),
 * `1 − similarity` of the best weaker match, else 1.
 */
export function absenceConfidence(
  anchor: Anchor,
  other: NameContext,
  otherIndices: readonly number[],
  scope: SearchScope,
  glossary: GlossaryEntry[] | undefined,
  next?: string,
): number {
  if (anchorKeysOf(other, otherIndices).has(anchor.key)) return 0;
  if (mentionedIn(other, otherIndices, glossary).has(anchor.key.startsWith('ent:') ? anchor.key : `ent:${anchor.key}`)) return 0;
  const words = tokenize(foldForMatching(anchor.surface)).filter((t) => t.info.letters >= 2).map((t) => t.text);
  if (next !== undefined && words.length === 1 && initialledIn(words[0]!, next, other, scope)) return 0;
  const lowered = words.map((word) => word.toLowerCase());
  if (next !== undefined) words.push(words.join('') + next); // Cape Town = Кейптаун
  let best = 0;
  for (const { index, from, to } of scope) {
    const slot = paragraphTokens(other, index);
    const [first, end] = tokensWithin(slot, from, to);
    for (let i = first; i < end; i++) {
      const t = slot.infos[i]!;
      if (t.letters < 2 || t.text.length > 40) continue;
      // The same word letter for letter is the name, however it is written: a command's option, a device or a
      // model copied into both versions ("rsync -avzP", "/dev/mtdN", "1@667MHz"), a word the other side writes in
      // lower case ("мира Open Source" = "open source").
      if (lowered.includes(t.text.toLowerCase())) return 0;
      // A word in lower case is a name's form only by a strong match of a word of five letters or more in the
      // document's own script (Netbooks = нетбуков, Prussian = прусский; not "drive" in a Russian text).
      const named = t.capitalised || t.allCaps;
      // Short words in lower case are too often homographs of a name (born = Борн, mark = Марк).
      const strongOnly = !named && t.letters >= 5 && ownScript(other, t);
      // Nothing the comparison could find would count for this word: skip it (most words of a text).
      if (!named && !strongOnly) continue;
      // Compounds written as one word on the other side (Cape Town = Кейптаун).
      const next = i + 1 < slot.count ? slot.infos[i + 1] : undefined;
      const pair = next && joinedAt(slot, i + 1) && next.capitalised === t.capitalised ? t.text + next.text : undefined;
      for (const word of words) {
        const sim = Math.max(nameSimilarity(word, t.text), pair ? nameSimilarity(word, pair) : 0);
        if (sim >= 0.85) return 0;
        if (named) best = Math.max(best, sim);
      }
    }
  }
  return best >= 0.5 ? 1 - best : 1;
}

/**
 * Does the other version give `name` as an initial before the same surname (`surname`, the word after it here):
 * Vladimir Putin = В.Путин, В. В. Путин; Антон Силуанов = A. Siluanov? Official Russian texts write first names so.
 */
function initialledIn(name: string, surname: string, other: NameContext, scope: SearchScope): boolean {
  for (const { index, from, to } of scope) {
    const slot = paragraphTokens(other, index);
    const [first, end] = tokensWithin(slot, from, to);
    for (let i = first; i + 1 < end; i++) {
      if (!isInitial(slot.infos[i]!) || !initialFits(slot.infos[i]!.text, name)) continue;
      let k = i + 1;
      while (k + 1 < slot.count && joinedAt(slot, k) && isInitial(slot.infos[k]!)) k++; // a patronymic's initial
      if (joinedAt(slot, k) && nameSimilarity(surname, slot.infos[k]!.text) >= 0.85) return true;
    }
  }
  return false;
}

/**
 * Two-letter initials and title abbreviations before a name: "Дж." (J.), "Th." (Thomas), "Fr." (Father). Other
 * two-letter words before a full stop are names ending a sentence ("He met Wu. Then…").
 */
const TWO_LETTER_INITIALS = new Set(['дж', 'th', 'ch', 'sh', 'fr', 'st']);

/**
 * An initial: one capital letter, a dotted pair ("В.В.", one token) or one of {@link TWO_LETTER_INITIALS} ("Дж.").
 * Other two-letter words are names of their own ("Wu", "Ли").
 */
const isInitial = (info: WordInfo): boolean =>
  (info.capitalised || info.allCaps) && (info.letters === 1 || (info.letters === 2 && (info.text.includes('.') || TWO_LETTER_INITIALS.has(info.norm))));

// First letters of a romanised initial and of a name that may stand for one sound across the two scripts: Юрген =
// Jürgen, Джордж = George, Гарри = Harry, Уильям = William, Филипп = Philip, Цезарь = Caesar.
const INITIAL_CLASSES = ['aeiouyjw', 'dgjz', 'ghk', 'ckstz', 'fp', 'vw'];

/** Can the initial (either script) stand for the name (either script)? Compared on their Latin first letters. */
function initialFits(initial: string, name: string): boolean {
  const a = toLatin(initial).charAt(0).toLowerCase();
  const b = toLatin(name).charAt(0).toLowerCase();
  return a !== '' && (a === b || INITIAL_CLASSES.some((letters) => letters.includes(a) && letters.includes(b)));
}

/**
 * Is an entity anchor an initial ({@link isInitial}) with a full stop and a
 * capitalised word after it ("Дж. Байден", "Дж.Байден", "Fr. Vladimir")? It stands for a first name, which the other
 * version may spell out or leave out.
 */
export function isNameInitial(context: NameContext, index: number, anchor: Anchor): boolean {
  if (anchor.surface.length > 2 || !/^\p{Lu}/u.test(anchor.surface)) return false;
  const paragraph = context.doc.paragraphs[index]!;
  const k = tokenIndexOf(context, paragraph, index, anchor);
  if (k < 0 || !isInitial(paragraphTokens(context, index).infos[k]!)) return false;
  const end = toCleanOffset(paragraph, anchor.end);
  return /^\. ?\p{Lu}/u.test(paragraph.clean.slice(end, end + 3));
}

/**
 * Is an entity anchor a word of a Russian paragraph's address by first name and patronymic with no surname after it
 * ("Марат Шакирзянович, пожалуйста", "Уважаемый Владимир Владимирович!")? Translations render such an address by
 * title or surname ("Mr Khusnullin", "Mr President"), so neither word of it is missing from them.
 */
export function inPatronymicAddress(context: NameContext, index: number, anchor: Anchor): boolean {
  if (context.doc.lang !== 'ru') return false;
  const paragraph = context.doc.paragraphs[index]!;
  const k = tokenIndexOf(context, paragraph, index, anchor);
  if (k < 0) return false;
  const slot = paragraphTokens(context, index);
  const first = k + 1 < slot.count && joinedAt(slot, k + 1) && hasPatronymicEnding(slot.infos[k + 1]!.norm) ? k : k - 1;
  if (first < 0 || first + 1 >= slot.count || !joinedAt(slot, first + 1)) return false;
  const [name, patronymic] = [slot.infos[first]!, slot.infos[first + 1]!];
  if (!isCapitalWord(name) || !isCapitalWord(patronymic) || !hasPatronymicEnding(patronymic.norm)) return false;
  if (!isFirstName(name)) return false;
  const after = first + 2 < slot.count && joinedAt(slot, first + 2) ? slot.infos[first + 2]! : undefined;
  return after === undefined || !isCapitalWord(after);
}

/**
 * The entity keys the paragraphs `indices` mention (see `mentionedKeys`). The names of one link are all looked up
 * in the same paragraphs of the other version: their keys are read once for them all, and kept here rather than in
 * the mention cache, where every link's text and keys outlived the young generation (a fifth of the check's peak
 * memory on a 5 MB pair).
 */
function mentionedIn(context: NameContext, indices: readonly number[], glossary: GlossaryEntry[] | undefined): Set<string> {
  const last = context.mentioned;
  if (last !== undefined && last.glossary === glossary && sameIndices(last.indices, indices)) return last.keys;
  const text = indices.map((index) => context.doc.paragraphs[index]!.clean).join('\n');
  const keys = collectMentionedKeys(text, glossary);
  context.mentioned = { indices: indices.slice(), glossary, keys };
  return keys;
}

/**
 * The anchor keys of the paragraphs `indices`, read once for all the names of a link (a search per name was
 * quadratic in a link of a whole chapter).
 */
function anchorKeysOf(context: NameContext, indices: readonly number[]): Set<string> {
  const last = context.anchorKeys;
  if (last !== undefined && sameIndices(last.indices, indices)) return last.keys;
  const keys = new Set<string>();
  for (const index of indices) for (const anchor of context.doc.paragraphs[index]!.anchors) keys.add(anchor.key);
  context.anchorKeys = { indices: indices.slice(), keys };
  return keys;
}

/** The positions `[first, end)` of a slot's tokens that start at clean offsets in `[from, to)` (binary search). */
function tokensWithin(slot: TokenSlot, from: number, to: number): [number, number] {
  if (from <= 0 && to === Infinity) return [0, slot.count];
  const at = (offset: number): number => {
    let [lo, hi] = [0, slot.count];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (slot.starts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [at(from), at(to)];
}

const sameIndices = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((index, k) => index === b[k]);

/**
 * Does a capitalised word of the other version's paragraphs (`otherIndices`) give
 * `word` under its spelling, a transcription or a case form (`nameSimilarity` ≥ 0.85)?
 */
export function wordNamedIn(word: string, other: NameContext, scope: SearchScope): boolean {
  for (const { index, from, to } of scope) {
    const slot = paragraphTokens(other, index);
    const [first, end] = tokensWithin(slot, from, to);
    for (let i = first; i < end; i++) {
      const t = slot.infos[i]!;
      if (t.letters < 2 || t.text.length > 40) continue;
      if (!(t.capitalised || t.allCaps)) continue;
      if (nameSimilarity(word, t.text) >= 0.85) return true;
    }
  }
  return false;
}
