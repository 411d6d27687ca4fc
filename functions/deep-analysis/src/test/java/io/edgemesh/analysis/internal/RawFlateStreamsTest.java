package io.edgemesh.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.analysis.scan.ScannerPolicy.PdfLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

class RawFlateStreamsTest {

    private static final PdfLimits LIMITS = new PdfLimits(1 << 20, 4 << 20, 1 << 20, 1000, 100_000, 16 << 20);

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
            z.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] pdfWithStream(byte[] encoded) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("%PDF-1.7\n1 0 obj\n<< /Length ".getBytes(StandardCharsets.US_ASCII));
        out.write((encoded.length + " /Filter /FlateDecode >>\nstream\n").getBytes(StandardCharsets.US_ASCII));
        out.write(encoded);
        out.write("\nendstream\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void aStreamInflatingPastTheCapIsABombEvenIfThePdfNeverParses() throws IOException {
        byte[] pdf = pdfWithStream(deflate(new byte[3 << 20]));
        assertThat(RawFlateStreams.scan(pdf, LIMITS, null).bomb()).contains("inflates beyond");
    }

    @Test
    void doubleCompressionIsFollowed() throws IOException {
        // GIVEN zeros compressed twice: the outer layer alone inflates to only a few KB
        byte[] twice = deflate(deflate(new byte[3 << 20]));
        RawFlateStreams.Result r = RawFlateStreams.scan(pdfWithStream(twice), LIMITS, null);
        assertThat(r.bomb()).isNotNull();
    }

    @Test
    void ordinaryStreamsAreCountedAndHandedToTheSink() throws IOException {
        byte[] text = "BT /F1 12 Tf (hello) Tj ET".getBytes(StandardCharsets.US_ASCII);
        StringBuilder seen = new StringBuilder();
        RawFlateStreams.Result r = RawFlateStreams.scan(pdfWithStream(deflate(text)), LIMITS,
                (b, off, len) -> seen.append(new String(b, off, len, StandardCharsets.US_ASCII)));
        assertThat(r.bomb()).isNull();
        assertThat(r.streams()).isEqualTo(1);
        assertThat(r.inflatedBytes()).isEqualTo(text.length);
        assertThat(seen.toString()).isEqualTo("BT /F1 12 Tf (hello) Tj ET");
    }
}
