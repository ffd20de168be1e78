/**
 * Ambient types for the deep modules of `natural` this library imports. Importing the package root
 * (`natural`) would load database drivers and dotenv; these single files have no side effects.
 */
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  /** Porter (1980) stemmer for English. */
  const PorterStemmer: {
    /** The stem of one lower-case word ("governments" → "govern"). */
    stem(token: string): string;
  };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  /** Jaro–Winkler similarity of two strings, in [0, 1] (1 = identical). */
  function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean; dj?: number }): number;
  export default JaroWinklerDistance;
}
