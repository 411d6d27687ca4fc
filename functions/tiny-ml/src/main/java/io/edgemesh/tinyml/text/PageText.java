package io.edgemesh.tinyml.text;

import java.util.List;

/** The text of one page (1-based number), in reading order. */
public record PageText(int number, List<Block> blocks) {
    public PageText {
        blocks = List.copyOf(blocks);
    }

    /** The page's text as plain lines. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) sb.append(b.text()).append('\n');
        return sb.toString();
    }
}
