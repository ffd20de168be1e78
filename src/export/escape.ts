/**
 * Escaping shared by the writers: XML 1.0 (TMX), HTML, and one-line plain text (TSV, Moses).
 */

/**
 * Code points XML 1.0 does not allow in a document, even escaped: C0 controls other than tab, line feed and
 * carriage return, U+FFFE, U+FFFF, and unpaired surrogates.
 */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Remove the code points XML 1.0 forbids (see {@link escapeXml}). */
export function stripXmlIllegal(text: string): string {
  return text.replace(XML_ILLEGAL, '');
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#xD;',
  '\t': '&#x9;',
  '\n': '&#xA;',
};

/**
 * Escape text for XML 1.0 element content or a double- or single-quoted attribute: `& < > " '` become
 * entities; tab, line feed and carriage return become character references (so that attribute-value
 * normalisation and line-end normalisation cannot change them); code points illegal in XML 1.0 are removed.
 */
export function escapeXml(text: string): string {
  return stripXmlIllegal(text).replace(/[&<>"'\r\t\n]/g, (ch) => XML_ENTITIES[ch]);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escape text for HTML element content or a quoted attribute: `& < > " '` become entities; C0 controls other
 * than tab and line breaks, and unpaired surrogates, are removed.
 */
export function escapeHtml(text: string): string {
  return stripXmlIllegal(text).replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]);
}

/**
 * Make text fit on one line of a tab-separated or line-per-segment file: tabs, line feeds, carriage returns,
 * vertical tabs, form feeds, NEL, and the Unicode line and paragraph separators each become one space.
 * Nothing else is changed (no quoting: TSV readers must not treat `"` specially).
 */
export function oneLine(text: string): string {
  return text.replace(/[\t\n\r\u000B\u000C\u0085\u2028\u2029]/g, ' ');
}
