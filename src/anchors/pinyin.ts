/**
 * Chinese names as Russian writes them: pinyin (Xinjiang, Tianjin, Wuhan) read in the Palladius system (Синьцзян,
 * Тяньцзинь, Ухань), which romanises back to nothing like the pinyin. The name check (transcription.ts) compares
 * the Palladius form of a Latin word that is all pinyin syllables with the Russian words around it.
 *
 * The reading is the standard syllable table: a pinyin syllable is an initial and a final, and each has its
 * Palladius spelling, with the few exceptions of the table (zi = цзы, ji = цзи, hui = хуэй, guo = го).
 */

/** Pinyin initials → Palladius, longest first (zh before z). j, q, x take the i- and ü-finals only. */
const INITIALS: Array<[string, string]> = [
  ['zh', 'чж'], ['ch', 'ч'], ['sh', 'ш'], ['b', 'б'], ['p', 'п'], ['m', 'м'], ['f', 'ф'], ['d', 'д'], ['t', 'т'],
  ['n', 'н'], ['l', 'л'], ['g', 'г'], ['k', 'к'], ['h', 'х'], ['j', 'цз'], ['q', 'ц'], ['x', 'с'], ['r', 'ж'],
  ['z', 'цз'], ['c', 'ц'], ['s', 'с'],
];

/** Finals after an initial → Palladius. */
const FINALS: Record<string, string> = {
  a: 'а', o: 'о', e: 'э', ai: 'ай', ei: 'эй', ao: 'ао', ou: 'оу', an: 'ань', en: 'энь', ang: 'ан', eng: 'эн',
  ong: 'ун', i: 'и', ia: 'я', ie: 'е', iao: 'яо', iu: 'ю', ian: 'янь', in: 'инь', iang: 'ян', ing: 'ин',
  iong: 'юн', u: 'у', ua: 'уа', uo: 'о', uai: 'уай', ui: 'уй', uan: 'уань', un: 'унь', uang: 'уан',
  v: 'юй', ve: 'юэ', van: 'юань', vn: 'юнь',
};

/** Syllables without an initial (y-, w- and bare finals) → Palladius. */
const ZERO_INITIAL: Record<string, string> = {
  a: 'а', o: 'о', e: 'э', ai: 'ай', ei: 'эй', ao: 'ао', ou: 'оу', an: 'ань', en: 'энь', ang: 'ан', eng: 'эн', er: 'эр',
  yi: 'и', ya: 'я', ye: 'е', yao: 'яо', you: 'ю', yan: 'янь', yin: 'инь', yang: 'ян', ying: 'ин', yong: 'юн',
  wu: 'у', wa: 'ва', wo: 'во', wai: 'вай', wei: 'вэй', wan: 'вань', wen: 'вэнь', wang: 'ван', weng: 'вэн',
  yu: 'юй', yue: 'юэ', yuan: 'юань', yun: 'юнь',
};

/** Whole syllables the initial-plus-final rule spells otherwise. */
const EXCEPTIONS: Record<string, string> = {
  zi: 'цзы', ci: 'цы', si: 'сы', zhi: 'чжи', chi: 'чи', shi: 'ши', ri: 'жи', hui: 'хуэй',
  // j, q, x write ü as u: ju = цзюй, xue = сюэ.
  ju: 'цзюй', qu: 'цюй', xu: 'сюй', jue: 'цзюэ', que: 'цюэ', xue: 'сюэ', juan: 'цзюань', quan: 'цюань',
  xuan: 'сюань', jun: 'цзюнь', qun: 'цюнь', xun: 'сюнь',
};

/** The only finals j, q and x take: the i-finals (and the ü ones, spelled with u, in {@link EXCEPTIONS}). */
const PALATAL_FINALS = new Set(['i', 'ia', 'ie', 'iao', 'iu', 'ian', 'in', 'iang', 'ing', 'iong']);
/** Initials whose i is no vowel of its own: zi = цзы, shi = ши. */
const SIBILANTS = new Set(['z', 'c', 's', 'zh', 'ch', 'sh', 'r']);
/** The ü-finals, written v: after n and l only (nü, lüe). */
const RARE_AFTER = new Set(['v', 've', 'van', 'vn']);

/** Palladius spelling of one pinyin syllable (lower case, ü written v), or undefined if it is none. */
export function palladiusSyllable(syllable: string): string | undefined {
  const exception = EXCEPTIONS[syllable];
  if (exception !== undefined) return exception;
  const zero = ZERO_INITIAL[syllable];
  if (zero !== undefined) return zero;
  for (const [initial, cyrillic] of INITIALS) {
    if (!syllable.startsWith(initial)) continue;
    const final = syllable.slice(initial.length);
    const spelled = FINALS[final];
    if (spelled === undefined) return undefined;
    const palatal = initial === 'j' || initial === 'q' || initial === 'x';
    if (palatal && !PALATAL_FINALS.has(final)) return undefined;
    // The hissing and retroflex initials take no i-final but their own -i (see the exceptions).
    if (SIBILANTS.has(initial) && final.startsWith('i')) return undefined;
    if (RARE_AFTER.has(final) && initial !== 'n' && initial !== 'l') return undefined;
    // After g, k and h the final o is uo (guo = го); bare o follows labials only (bo, po, mo, fo).
    if (final === 'o' && !'bpmf'.includes(initial)) return undefined;
    return cyrillic + spelled;
  }
  return undefined;
}

/** Longest pinyin syllable (zhuang, chuang, shuang). */
const MAX_SYLLABLE = 6;
/** Readings kept per word: a word may cut into syllables more than one way (Xian = xi-an or xian). */
const MAX_READINGS = 4;

/**
 * Palladius spellings of a word made wholly of pinyin syllables (lower case; an apostrophe may separate two:
 * xi'an), one per way it cuts into syllables, at most {@link MAX_READINGS}; none for any other word.
 */
export function palladiusReadings(word: string): string[] {
  const text = word.replace(/ü/g, 'v');
  if (!/^[a-z']+$/.test(text) || text.length > 24) return [];
  const out: string[] = [];
  const cut = (at: number, spelled: string): void => {
    if (out.length >= MAX_READINGS) return;
    if (at === text.length) {
      out.push(spelled);
      return;
    }
    const from = text.charCodeAt(at) === 0x27 ? at + 1 : at; // xi'an
    // Longer syllables first: "xian" before "xi" + "an".
    for (let end = Math.min(text.length, from + MAX_SYLLABLE); end > from; end--) {
      const syllable = palladiusSyllable(text.slice(from, end));
      if (syllable !== undefined) cut(end, spelled + syllable);
    }
  };
  cut(0, '');
  return out;
}
