/**
 * PDFBox and Lingua glue behind the text API: the text stripper that records lines with their font
 * sizes, and the heading classifier that compares them to the body size of the document.
 */
package io.edgemesh.tinyml.text.internal;
