/**
 * Ambient types for the one deep module of `natural` this library imports. Importing the package root
 * (`natural`) would load database drivers and dotenv; the stemmer file alone has no side effects.
 */
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  /** Porter (1980) stemmer for English. */
  const PorterStemmer: {
    /** The stem of one lower-case word ("governments" → "govern"). */
    stem(token: string): string;
  };
  export default PorterStemmer;
}
