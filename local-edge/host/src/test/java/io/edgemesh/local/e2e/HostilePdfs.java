package io.edgemesh.local.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

/**
 * Malicious uploads built at test time with PDFBox: the repository holds no hostile file, and the
 * EICAR test string exists only in memory, assembled from fragments (so no scanner flags the sources).
 * Each is an otherwise ordinary one-page PDF, so what quarantines it is exactly the one thing added.
 */
final class HostilePdfs {
    private HostilePdfs() { }

    /** The 68-byte EICAR anti-virus test string, joined at run time. */
    static String eicar() {
        return String.join("", List.of("X5O!P%@AP[4\\", "PZX54(P^)7CC)", "7}$", "EICAR-", "STANDARD-", "ANTIVIRUS-", "TEST-", "FILE!", "$H+H*"));
    }

    /** A PDF whose (uncompressed) page content carries the EICAR string in a comment. */
    static byte[] withEicar() {
        return build((doc, page) -> {
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, false)) {
                cs.addComment(eicar());
            }
        });
    }

    /** A PDF that runs JavaScript when opened (the catalog's OpenAction). */
    static byte[] withJavaScriptOpenAction() {
        return build((doc, page) -> doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('opened');")));
    }

    /** A PDF with a link whose action launches a program. */
    static byte[] withLaunchAction() {
        return build((doc, page) -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDSimpleFileSpecification(new org.apache.pdfbox.cos.COSString("cmd.exe")));
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(72, 600, 200, 20));
            link.setAction(launch);
            page.getAnnotations().add(link);
        });
    }

    /** A PDF carrying an attachment in its EmbeddedFiles name tree. */
    static byte[] withEmbeddedFile() {
        return build((doc, page) -> {
            byte[] payload = "echo this could have been anything".getBytes(StandardCharsets.US_ASCII);
            PDEmbeddedFile file = new PDEmbeddedFile(doc, new java.io.ByteArrayInputStream(payload));
            file.setSubtype("text/plain");
            file.setSize(payload.length);
            file.setCreationDate(Calendar.getInstance());
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("install.bat");
            spec.setEmbeddedFile(file);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("install.bat", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
        });
    }

    @FunctionalInterface
    private interface Addition {
        void apply(PDDocument doc, PDPage page) throws IOException;
    }

    private static byte[] build(Addition addition) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 720);
                cs.showText("Quarterly price list for bicycle accessories.");
                cs.endText();
            }
            addition.apply(doc, page);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
