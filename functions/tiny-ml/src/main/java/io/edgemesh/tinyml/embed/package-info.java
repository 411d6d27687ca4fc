/**
 * Sentence embeddings for retrieval: a BERT WordPiece {@link io.edgemesh.tinyml.embed.Tokenizer} that
 * reproduces the Hugging Face tokenizer of all-MiniLM-L6-v2 id for id, and an
 * {@link io.edgemesh.tinyml.embed.Embedder} that runs the quantized model in ONNX Runtime, mean-pools
 * over the attention mask and L2-normalises to 384-dimensional vectors. {@link io.edgemesh.tinyml.embed.MiniLm}
 * loads both from the classpath once per JVM, because the model costs about a second and 90 MB to load.
 */
package io.edgemesh.tinyml.embed;
