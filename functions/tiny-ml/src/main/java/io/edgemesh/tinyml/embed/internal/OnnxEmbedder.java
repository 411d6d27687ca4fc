package io.edgemesh.tinyml.embed.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.edgemesh.tinyml.embed.Embedder;
import io.edgemesh.tinyml.embed.Encoding;
import io.edgemesh.tinyml.embed.Tokenizer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A BERT-style sentence encoder in ONNX Runtime: token ids in, last hidden state out, mean-pooled over
 * the attention mask and L2-normalised. One {@link OrtSession} serves all threads (its {@code run} is
 * thread-safe). Passages are sorted by length before batching so a batch pads to similar lengths.
 */
public final class OnnxEmbedder implements Embedder, AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final Tokenizer tokenizer;
    private final int maxLength;
    private final int batchSize;
    private final boolean wantsTokenTypes;
    private final int dimension;

    public OnnxEmbedder(byte[] model, Tokenizer tokenizer, int maxLength, int batchSize, int threads) {
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
        this.batchSize = batchSize;
        try {
            this.env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                options.setIntraOpNumThreads(Math.max(1, threads));
                options.setInterOpNumThreads(1);
                this.session = env.createSession(model, options);
            }
            this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
            this.dimension = embedBatch(List.of(tokenizer.encode("dimension probe", maxLength)))[0].length;
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the ONNX embedding model", e);
        }
    }

    @Override
    public int dimension() { return dimension; }

    @Override
    public float[] embedQuery(String query) {
        try {
            return embedBatch(List.of(tokenizer.encode(query, maxLength)))[0];
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed", e);
        }
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        int n = passages.size();
        List<Encoding> encodings = new ArrayList<>(n);
        for (String p : passages) encodings.add(tokenizer.encode(p, maxLength));
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingInt(i -> encodings.get(i).length()));
        float[][] out = new float[n][];
        try {
            for (int from = 0; from < n; from += batchSize) {
                int to = Math.min(n, from + batchSize);
                List<Encoding> batch = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) batch.add(encodings.get(order[i]));
                float[][] vectors = embedBatch(batch);
                for (int i = from; i < to; i++) out[order[i]] = vectors[i - from];
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed", e);
        }
        return Arrays.asList(out);
    }

    private float[][] embedBatch(List<Encoding> batch) throws OrtException {
        int rows = batch.size();
        int cols = batch.stream().mapToInt(Encoding::length).max().orElse(2);
        long[] ids = new long[rows * cols];
        long[] mask = new long[rows * cols];
        for (int r = 0; r < rows; r++) {
            int[] e = batch.get(r).ids();
            for (int c = 0; c < e.length; c++) {
                ids[r * cols + c] = e[c];
                mask[r * cols + c] = 1;
            }
        }
        long[] shape = {rows, cols};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (wantsTokenTypes) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[rows * cols]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                float[][] vectors = new float[rows][];
                for (int r = 0; r < rows; r++) vectors[r] = meanPoolAndNormalise(hidden[r], mask, r * cols, cols);
                return vectors;
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static float[] meanPoolAndNormalise(float[][] tokens, long[] mask, int offset, int cols) {
        int dim = tokens[0].length;
        float[] sum = new float[dim];
        int count = 0;
        for (int c = 0; c < cols; c++) {
            if (mask[offset + c] == 0) continue;
            float[] t = tokens[c];
            for (int d = 0; d < dim; d++) sum[d] += t[d];
            count++;
        }
        double norm = 0;
        for (int d = 0; d < dim; d++) {
            sum[d] /= Math.max(1, count);
            norm += (double) sum[d] * sum[d];
        }
        float inv = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = 0; d < dim; d++) sum[d] *= inv;
        return sum;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
