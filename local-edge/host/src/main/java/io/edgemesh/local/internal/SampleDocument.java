package io.edgemesh.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The demo tenant's sample document: the handbook of a fictional bicycle shop, written by this
 * project as text ({@code sample/sample-document.txt}) and typeset into a PDF with PDFBox when the
 * demo tenant is created. It goes in through the public API like any tenant's upload (secret key,
 * presigned PUT), so it is scanned and indexed by the real pipeline before chat unlocks.
 */
public final class SampleDocument {
    public static final String FILENAME = "fernbrook-cycles-handbook.pdf";
    static final String RESOURCE = "/io/edgemesh/local/sample/sample-document.txt";

    private static final float FONT_SIZE = 11f;
    private static final float HEADING_SIZE = 16f;
    private static final float LEADING = 15f;
    private static final float MARGIN = 64f;

    /** One page of the text: its heading and paragraphs. */
    public record Page(String heading, List<String> paragraphs) { }

    /** The upload's outcome: the document id, or the status and body that explain why not. */
    public record Upload(String documentId, int status, String body) {
        public boolean ok() { return documentId != null; }
    }

    private SampleDocument() { }

    /** The pages of the bundled text, in order. */
    public static List<Page> pages() {
        try (InputStream in = SampleDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Page> parse(String text) {
        List<Page> pages = new ArrayList<>();
        String heading = null;
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : (text + "\n== \n").lines().toList()) {
            if (line.startsWith("#")) continue;
            if (line.startsWith("== ") || line.isBlank()) {
                if (!paragraph.isEmpty()) paragraphs.add(paragraph.toString());
                paragraph.setLength(0);
            }
            if (line.startsWith("== ")) {
                if (heading != null) pages.add(new Page(heading, List.copyOf(paragraphs)));
                heading = line.substring(3).strip();
                paragraphs.clear();
            } else if (!line.isBlank()) {
                if (!paragraph.isEmpty()) paragraph.append(' ');
                paragraph.append(line.strip());
            }
        }
        return List.copyOf(pages);
    }

    /** The PDF: one page per section, a heading and wrapped paragraphs in a standard font. */
    public static byte[] pdf() {
        return pdf(pages());
    }

    static byte[] pdf(List<Page> pages) {
        var regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Fernbrook Cycles handbook");
            info.setCreator("EdgeMesh local edge (sample document)");
            for (Page page : pages) {
                PDPage p = new PDPage(PDRectangle.A4);
                doc.addPage(p);
                float width = p.getMediaBox().getWidth() - 2 * MARGIN;
                try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
                    cs.beginText();
                    cs.newLineAtOffset(MARGIN, p.getMediaBox().getHeight() - MARGIN);
                    cs.setFont(bold, HEADING_SIZE);
                    cs.showText(page.heading());
                    cs.newLineAtOffset(0, -2 * LEADING);
                    cs.setFont(regular, FONT_SIZE);
                    for (String paragraph : page.paragraphs()) {
                        for (String line : wrap(paragraph, regular, FONT_SIZE, width)) {
                            cs.showText(line);
                            cs.newLineAtOffset(0, -LEADING);
                        }
                        cs.newLineAtOffset(0, -LEADING / 2);
                    }
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot typeset the sample document", e);
        }
    }

    private static List<String> wrap(String paragraph, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    /**
     * Uploads the PDF for a tenant the way a tenant's back end does: {@code POST /v1/uploads} with
     * the secret key, then the presigned PUT with exactly the headers it names. Scanning and
     * indexing go on in the background; this does not wait for them.
     */
    public static Upload upload(String baseUrl, String secretKey, byte[] pdf) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Object> ask = Map.of("filename", FILENAME, "contentType", "application/pdf", "size", pdf.length);
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/uploads"))
                .timeout(Duration.ofSeconds(30))
                .header("authorization", "Bearer " + secretKey)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.writeBytes(ask)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) return new Upload(null, created.statusCode(), created.body());
        JsonNode answer = Json.parse(created.body());
        JsonNode upload = answer.path("upload");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .timeout(Duration.ofSeconds(30))
                .method(upload.path("method").asText("PUT"), HttpRequest.BodyPublishers.ofByteArray(pdf));
        // java.net.http sets Host and Content-Length itself and refuses them as headers
        Set<String> restricted = Set.of("host", "content-length");
        upload.path("headers").fields().forEachRemaining(h -> {
            if (!restricted.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) put.header(h.getKey(), h.getValue().asText());
        });
        HttpResponse<String> stored = client.send(put.build(), HttpResponse.BodyHandlers.ofString());
        if (stored.statusCode() / 100 != 2) return new Upload(null, stored.statusCode(), stored.body());
        return new Upload(answer.path("documentId").asText(), stored.statusCode(), "");
    }
}
