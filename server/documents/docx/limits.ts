// Limits on a template and on what is filled into it (put a limit on everything). A bank's
// questionnaire or a contract is tens to hundreds of KB; pictures (logos, stamps) make it a few MB.

/** The uploaded .docx itself. */
export const MAX_TEMPLATE_BYTES = 10 * 1024 * 1024;
/** Entries in the zip (a Word document has 10–40). */
export const MAX_ZIP_ENTRIES = 1000;
/** Sum of the entries' uncompressed sizes. */
export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** One XML part, uncompressed (document.xml of a 100-page contract is a few MB). */
export const MAX_XML_PART_BYTES = 32 * 1024 * 1024;
/**
 * Uncompressed ÷ compressed of one entry of at least MIN_RATIO_CHECK_BYTES. Word's XML compresses
 * 10–40×, a template of repeated identical rows up to ~100×; a zip bomb 1000× and more.
 */
export const MAX_ZIP_RATIO = 200;
export const MIN_RATIO_CHECK_BYTES = 1024 * 1024;
/** One text value and one list (co-borrowers, previous loans) filled into a document. */
export const MAX_TEXT_CHARS = 10_000;
export const MAX_LIST_ITEMS = 500;
