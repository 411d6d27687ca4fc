/**
 * From a PDF to retrievable passages: text per page with PDFBox (streams cached in temp files, page and
 * character caps, so a hostile document cannot exhaust memory), headings recognised by font size, one
 * language per document detected with Lingua among the languages the index has analyzers for, and
 * token-sized chunks with overlap that keep their page number and nearest heading.
 */
package io.edgemesh.tinyml.text;
