/**
 * Library messages as the command line prints them: options named by their CLI flags (a CLI user has no
 * `maxInputSize` option, only `--max-input-size`), and control characters escaped, so a file name holding ESC
 * or a line break cannot drive the terminal or fake another line of output.
 */

/** The flag that sets each library option a message may name. */
export const FLAGS: Readonly<Record<string, string>> = {
  maxInputSize: '--max-input-size',
  band: '--band',
  encoding: '--encoding',
  lang: '--lang-a/--lang-b',
  langs: '--lang-a/--lang-b',
  paragraphs: '--input-format',
  level: '--level',
};

/** For `pair`, where a document's language comes from its JSONL record, not from a flag. */
export const PAIR_FLAGS: Readonly<Record<string, string>> = { ...FLAGS, lang: 'a "lang" field in the JSONL record', langs: 'a "lang" field in the JSONL record' };

/**
 * "the `maxInputSize` option" → "--max-input-size"; "the `encoding` option ("koi8-r")" → "--encoding koi8-r".
 * Options with no flag are left as written.
 */
export function withCliFlags(message: string, flags: Readonly<Record<string, string>> = FLAGS): string {
  return message.replace(/(?:the |a larger )?`(\w+)` option(?: \("([^"]*)"\))?/g, (whole: string, name: string, value: string | undefined) => {
    const flag = Object.hasOwn(flags, name) ? flags[name] : undefined;
    if (!flag) return whole;
    const larger = whole.startsWith('a larger ') ? 'a larger ' : '';
    return `${larger}${flag}${value !== undefined ? ` ${value}` : ''}`;
  });
}

/**
 * Control characters (C0, DEL, C1) and bidirectional overrides as visible escapes (`\x1b`, `\u202e`): what a
 * path taken from a directory listing may hold.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** One stderr line: `bitext-align: MESSAGE`, flags for options, controls escaped. */
export function cliLine(message: string, flags: Readonly<Record<string, string>> = FLAGS): string {
  return `bitext-align: ${escapeControls(withCliFlags(message, flags))}\n`;
}
