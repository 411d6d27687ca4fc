package io.edgemesh.tinyml.text;

import java.util.List;

/** All pages of a document, including pages without text (scans), so page numbers stay true. */
public record ExtractedDocument(List<PageText> pages) {
    public ExtractedDocument {
        pages = List.copyOf(pages);
    }

    public int pageCount() { return pages.size(); }

    /** The first {@code maxChars} characters of the text, for language detection. */
    public String sample(int maxChars) {
        StringBuilder sb = new StringBuilder();
        for (PageText p : pages) {
            for (Block b : p.blocks()) {
                if (sb.length() >= maxChars) return sb.substring(0, maxChars);
                sb.append(b.text()).append('\n');
            }
        }
        return sb.length() > maxChars ? sb.substring(0, maxChars) : sb.toString();
    }

    public boolean hasText() {
        return pages.stream().anyMatch(p -> p.blocks().stream().anyMatch(b -> !b.text().isBlank()));
    }
}
