package io.edgemesh.firewall.detect;

import io.edgemesh.tinyml.embed.Embedder;
import java.util.List;

/**
 * Prompt injection and jailbreak detection by meaning rather than wording: the message's MiniLM
 * sentence embedding goes through the {@link InjectionModel} trained on the project's exemplars. It
 * catches paraphrases no rule anticipated; the rules catch what the (English-centric) model misses.
 *
 * <p>Cost is bounded: only the first {@link InjectionModel#windowChars()} characters of the folded text
 * are embedded (about 130 word pieces of the model's 256), because an attack states its intent early
 * and embedding time grows with length; the rules still read the whole message.
 */
public final class InjectionClassifier implements Detector {
    /** Below this the classifier reports nothing; between it and the model's threshold it only corroborates a rule. */
    public static final double REPORT = 0.5;

    private final Embedder embedder;
    private final InjectionModel model;

    public InjectionClassifier(Embedder embedder, InjectionModel model) {
        if (model.weights().length != embedder.dimension()) {
            throw new IllegalStateException("model has " + model.weights().length + " weights, embedder gives " + embedder.dimension());
        }
        this.embedder = embedder;
        this.model = model;
    }

    public InjectionModel model() { return model; }

    /** The probability that the message is an attack. */
    public double probability(NormalizedText text) {
        return model.probability(embedder.embedQuery(window(text.folded(), model.windowChars())));
    }

    @Override
    public List<Finding> inspect(NormalizedText text) {
        float[] v = embedder.embedQuery(window(text.folded(), model.windowChars()));
        double p = model.probability(v);
        if (p < REPORT) return List.of();
        String kind = model.nearestKind(v);
        double score = Math.round(p * 1000) / 1000.0;
        return List.of(new Finding(kind, score, kind.equals(InjectionRules.JAILBREAK)
                ? "reads like a jailbreak attempt (embedding classifier)"
                : "reads like an attempt to override the assistant's instructions (embedding classifier)", p >= model.threshold()));
    }

    /** The head of the text, cut at a space so no half word reaches the tokenizer. */
    public static String window(String text, int maxChars) {
        if (text.length() <= maxChars) return text;
        int cut = text.lastIndexOf(' ', maxChars);
        return text.substring(0, cut > maxChars / 2 ? cut : maxChars);
    }
}
