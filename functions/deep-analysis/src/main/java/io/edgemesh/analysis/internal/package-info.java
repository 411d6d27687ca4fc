/**
 * How Layer 3 does its work: bounded PDF opening (decompression-bomb guards before and after
 * PDFBox parses anything), stream decoding with byte limits, the clamd INSTREAM client, pattern
 * matching and rule loading for the scanners, and the verdict aggregation that records each
 * scanner's answer once in DynamoDB and lets exactly one finaliser tag, quarantine or release the
 * upload. Nothing outside this module depends on these classes.
 */
package io.edgemesh.analysis.internal;
