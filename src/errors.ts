/**
 * Typed errors. Only input that cannot be analysed at all throws; anything the analysis can live with
 * becomes a {@link Warning} in the result instead. Every message says what to do about it.
 */

/** Why an input was refused. */
export type InputErrorCode =
  /** The text is empty or white space only. */
  | 'empty'
  /** The file cannot be read (missing, a directory, no permission). */
  | 'unreadable'
  /**
   * The bytes are not valid UTF-8 (the message names the legacy Cyrillic encoding they most likely are), not
   * valid UTF-16 after a UTF-16 byte-order mark, or not valid in the encoding the `encoding` option names.
   */
  | 'not-utf8'
  /** The bytes look like a binary file (NUL bytes, control characters). */
  | 'binary'
  /** The input is longer than the `maxInputSize` option allows. */
  | 'too-large'
  /** Neither Russian nor English could be recognised, and no `lang` was given. */
  | 'undetected-language'
  /** Both documents of a pair are in the same language. */
  | 'same-language'
  /** An option has a value it cannot take. */
  | 'invalid-option'
  /**
   * The input is neither a string nor bytes (a `Uint8Array`), nor a well-formed parsed Document where one is
   * accepted (a Document whose fields were changed to values of the wrong type or out of range).
   */
  | 'invalid-input'
  /** A document id (or CLI path) given twice in one collection: the later ones are reported, the first is kept. */
  | 'duplicate-id';

/** An input that cannot be analysed. `code` says why; `message` says what to do. */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly code: InputErrorCode;
  /**
   * Which input: the caller's name for it (a file path, a document id), or `first text` / `second text` for an
   * unnamed argument of `alignDocuments`.
   */
  readonly source?: string;

  constructor(code: InputErrorCode, message: string, options: { source?: string; cause?: unknown } = {}) {
    super(options.source ? `${options.source}: ${message}` : message, { cause: options.cause });
    this.code = code;
    this.source = options.source;
  }
}

/** True for errors this library throws on purpose (as opposed to bugs). */
export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}

/** The non-throwing form of a result, as zod's `safeParse` returns it. */
export type SafeResult<T> = { success: true; data: T } | { success: false; error: InputError };

/** Run `fn`, turning a thrown {@link InputError} into `{success: false, error}`; other errors still throw. */
export function toSafeResult<T>(fn: () => T): SafeResult<T> {
  try {
    return { success: true, data: fn() };
  } catch (error) {
    if (isInputError(error)) return { success: false, error };
    throw error;
  }
}
