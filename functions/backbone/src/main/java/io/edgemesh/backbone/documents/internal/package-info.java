/**
 * The documents and scans table layouts as Layer 7 reads and writes them: attribute names shared
 * with the scanners (Layer 3) and the indexer (Layer 4), and the conversion of a row and its verdicts
 * into the API's {@link io.edgemesh.backbone.documents.Document}.
 */
package io.edgemesh.backbone.documents.internal;
