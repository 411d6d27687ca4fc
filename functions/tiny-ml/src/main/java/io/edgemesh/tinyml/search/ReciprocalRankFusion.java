package io.edgemesh.tinyml.search;

import io.edgemesh.tinyml.index.Hit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): a passage scores the sum of
 * {@code 1 / (k + rank)} over the rankings it appears in, rank from 1. Only ranks matter, so BM25 and
 * cosine scores need no calibration; {@code k = 60} is the paper's constant, not tuned here.
 */
public final class ReciprocalRankFusion {
    public static final int DEFAULT_K = 60;

    private ReciprocalRankFusion() { }

    /** A fused passage: the hit as first seen and its fused score. */
    public record Fused(Hit hit, double score) { }

    @SafeVarargs
    public static List<Fused> fuse(int k, List<Hit>... rankings) {
        Map<String, Hit> first = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (List<Hit> ranking : rankings) {
            for (int i = 0; i < ranking.size(); i++) {
                Hit h = ranking.get(i);
                first.putIfAbsent(h.chunkKey(), h);
                scores.merge(h.chunkKey(), 1.0 / (k + i + 1), Double::sum);
            }
        }
        List<Fused> out = new ArrayList<>(scores.size());
        scores.forEach((key, score) -> out.add(new Fused(first.get(key), score)));
        // ties keep first-seen order (stable sort), i.e. the first ranking decides
        out.sort(Comparator.comparingDouble(Fused::score).reversed());
        return out;
    }
}
