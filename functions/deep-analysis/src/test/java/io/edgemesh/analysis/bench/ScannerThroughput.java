package io.edgemesh.analysis.bench;

import io.edgemesh.analysis.scan.ActiveContentScanner;
import io.edgemesh.analysis.scan.ScanInput;
import io.edgemesh.analysis.scan.ScanResult;
import io.edgemesh.analysis.scan.Scanner;
import io.edgemesh.analysis.scan.ScannerPolicy;
import io.edgemesh.analysis.scan.SecretsScanner;
import io.edgemesh.analysis.scan.SignatureScanner;
import io.edgemesh.analysis.scan.TestPdfs;
import io.edgemesh.analysis.scan.TypeScanner;
import io.edgemesh.analysis.scan.Verdict;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import java.util.Arrays;
import java.util.List;

/**
 * Scanner throughput on generated text PDFs of 20 and 100 pages (40 lines of prose per page,
 * and one 320x240 picture per page, Flate-compressed as PDFBox writes them): each scanner scans the same document
 * repeatedly on one thread after a warm-up; reports median and p90 milliseconds per document and
 * MB/s of PDF bytes. Run: {@code java -cp <test classpath> io.edgemesh.analysis.bench.ScannerThroughput}.
 */
public final class ScannerThroughput {

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        List<String> lines = new ArrayList<>();
        String[] words = ("the quarterly report shows revenue growth in every region while support costs fell and the "
                + "new onboarding guide explains how customers configure their account settings safely").split(" ");
        for (int i = 0; i < 40; i++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < 14; w++) sb.append(words[(i * 7 + w * 3) % words.length]).append(' ');
            lines.add(sb.toString().trim());
        }
        List<Scanner> scanners = List.of(new TypeScanner(), new ActiveContentScanner(), new SignatureScanner(), new SecretsScanner());
        System.out.println("| scanner | pages | PDF size | median ms | p90 ms | MB/s (median) |");
        System.out.println("|---|---|---|---|---|---|");
        for (int pages : new int[] {20, 100}) {
            byte[] pdf = TestPdfs.build(pages, lines, ScannerThroughput::illustrate);
            ScanInput in = ScanInput.of("bench", "doc", "application/pdf", pdf, ScannerPolicy.defaults());
            for (Scanner s : scanners) {
                for (int i = 0; i < 10; i++) check(s.scan(in));
                long[] ns = new long[rounds];
                for (int i = 0; i < rounds; i++) {
                    long t = System.nanoTime();
                    check(s.scan(in));
                    ns[i] = System.nanoTime() - t;
                }
                Arrays.sort(ns);
                double med = ns[rounds / 2] / 1e6;
                double p90 = ns[(int) (rounds * 0.9)] / 1e6;
                System.out.printf("| %s | %d | %.0f KB | %.1f | %.1f | %.1f |%n", s.name(), pages, pdf.length / 1024.0, med, p90,
                        (pdf.length / 1e6) / (med / 1e3));
            }
        }
    }

    /** One 320x240 picture per page (a gradient with grain), so the sizes resemble real reports. */
    public static void illustrate(PDDocument doc) throws IOException {
        Random rnd = new Random(42);
        for (PDPage page : doc.getPages()) {
            BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 240; y++) {
                for (int x = 0; x < 320; x++) {
                    int g = rnd.nextInt(24);
                    img.setRGB(x, y, ((x * 255 / 320 + g) & 0xFF) << 16 | ((y * 255 / 240 + g) & 0xFF) << 8 | (128 + g));
                }
            }
            PDImageXObject x = LosslessFactory.createFromImage(doc, img);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                cs.drawImage(x, 50, 60, 320, 240);
            }
        }
    }

    private static void check(ScanResult r) {
        if (r.verdict() != Verdict.CLEAN) throw new IllegalStateException("benchmark document not clean: " + r);
    }
}
