/**
 * Implementations behind the embedding API: the BERT normaliser, pre-tokeniser and WordPiece model read
 * from a {@code tokenizer.json}, and the ONNX Runtime session wrapper. Callers use the interfaces in
 * {@code io.edgemesh.tinyml.embed}.
 */
package io.edgemesh.tinyml.embed.internal;
