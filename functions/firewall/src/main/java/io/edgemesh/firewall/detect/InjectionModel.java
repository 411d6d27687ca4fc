package io.edgemesh.firewall.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The trained classifier: a logistic regression over the 384-d MiniLM sentence embedding, the
 * blocking threshold chosen by cross-validation on the exemplars, and the centroids of the two attack
 * kinds (which name the category of a classifier-only detection). Trained by the test-scope
 * {@code TrainInjectionModel} and shipped as {@code injection-model.json}.
 *
 * @param exemplarsSha256 {@link Exemplars#sha256()} of the exemplars it was trained on
 * @param threshold       probability at or above which the classifier blocks on its own
 * @param cvTpr           out-of-fold true-positive rate on the attack exemplars at that threshold
 * @param cvFpr           out-of-fold false-positive rate on the benign exemplars at that threshold
 */
public record InjectionModel(String exemplarsSha256, int windowChars, double threshold, double bias, float[] weights,
                             float[] injectionCentroid, float[] jailbreakCentroid, double cvTpr, double cvFpr) {
    static final String RESOURCE = "injection-model.json";

    public static InjectionModel load() {
        try (InputStream in = InjectionModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE + "; run TrainInjectionModel");
            return fromJson(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public double probability(float[] v) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) z += weights[i] * v[i];
        return 1 / (1 + Math.exp(-z));
    }

    /** The attack kind whose centroid is closer to {@code v}. */
    public String nearestKind(float[] v) {
        return dot(v, jailbreakCentroid) > dot(v, injectionCentroid) ? InjectionRules.JAILBREAK : InjectionRules.INJECTION;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("exemplarsSha256", exemplarsSha256).put("windowChars", windowChars).put("threshold", threshold)
                .put("bias", bias).put("cvTpr", cvTpr).put("cvFpr", cvFpr);
        n.set("weights", array(weights));
        n.set("injectionCentroid", array(injectionCentroid));
        n.set("jailbreakCentroid", array(jailbreakCentroid));
        return n;
    }

    static InjectionModel fromJson(JsonNode n) {
        return new InjectionModel(n.path("exemplarsSha256").asText(), n.path("windowChars").asInt(), n.path("threshold").asDouble(),
                n.path("bias").asDouble(), floats(n.path("weights")), floats(n.path("injectionCentroid")),
                floats(n.path("jailbreakCentroid")), n.path("cvTpr").asDouble(), n.path("cvFpr").asDouble());
    }

    private static ArrayNode array(float[] v) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (float f : v) a.add(Float.parseFloat(String.format(java.util.Locale.ROOT, "%.6g", f)));
        return a;
    }

    private static float[] floats(JsonNode a) {
        float[] v = new float[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = (float) a.get(i).asDouble();
        return v;
    }
}
