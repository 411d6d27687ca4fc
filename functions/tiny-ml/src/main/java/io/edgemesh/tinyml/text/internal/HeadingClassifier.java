package io.edgemesh.tinyml.text.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which lines are headings. The body size is the font size that carries the most characters in
 * the document; a heading is a short line set clearly larger than that. Font size is what survives PDF
 * generation from every authoring tool, unlike tags or styles.
 */
public final class HeadingClassifier {
    private static final float RATIO = 1.15f;
    private static final int MAX_WORDS = 16;

    private final float bodySize;

    public HeadingClassifier(List<LineCollector.Line> lines) {
        Map<Integer, Integer> charsBySize = new HashMap<>();
        for (LineCollector.Line l : lines) {
            charsBySize.merge(Math.round(l.fontSize() * 2), l.text().length(), Integer::sum);
        }
        this.bodySize = charsBySize.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> e.getKey() / 2f).orElse(0f);
    }

    public float bodySize() { return bodySize; }

    public boolean isHeading(LineCollector.Line line) {
        if (bodySize <= 0 || line.fontSize() < bodySize * RATIO) return false;
        String t = line.text();
        if (t.codePoints().noneMatch(Character::isLetter)) return false;
        return t.split("\\s+").length <= MAX_WORDS;
    }
}
