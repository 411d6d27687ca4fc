package io.edgemesh.analysis.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TypeScannerTest {

    private final TypeScanner scanner = new TypeScanner();
    private final ScannerPolicy policy = ScannerPolicy.defaults();

    private ScanResult scan(byte[] bytes) {
        return scanner.scan(ScanInput.of("acme", "doc-1", "application/pdf", bytes, policy));
    }

    private static Set<String> codes(ScanResult r) {
        return Set.copyOf(r.findings().stream().map(Finding::code).toList());
    }

    @Test
    void cleanPdfPasses() {
        // GIVEN a well-formed three-page PDF WHEN scanned THEN it is clean with no findings
        ScanResult r = scan(TestPdfs.clean(3));
        assertThat(r.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(r.findings()).isEmpty();
        assertThat(r.scanner()).isEqualTo("type");
    }

    @Test
    void zeroByteFileIsBlockedWithoutReading() {
        // GIVEN an empty object whose content must not even be read
        AtomicBoolean read = new AtomicBoolean();
        ScanInput in = new ScanInput("acme", "doc-1", "application/pdf", 0, 0, max -> {
            read.set(true);
            return new byte[0];
        }, policy);
        // WHEN scanned THEN blocked as empty
        ScanResult r = scanner.scan(in);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(codes(r)).containsExactly("type.empty");
        assertThat(read).isFalse();
    }

    @Test
    void oversizedObjectIsBlockedBeforeDownload() {
        // GIVEN an object larger than the tenant's limit
        AtomicBoolean read = new AtomicBoolean();
        ScanInput in = new ScanInput("acme", "doc-1", "application/pdf", 100, 10_000_000L,
                max -> { read.set(true); return new byte[0]; }, policy.withMaxBytes(1_000_000));
        ScanResult r = scanner.scan(in);
        // THEN blocked on size, and the bytes were never fetched
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(codes(r)).containsExactly("size.over_limit");
        assertThat(r.findings().get(0).reason()).contains("10000000").contains("1000000");
        assertThat(read).isFalse();
    }

    @Test
    void declaredSizeDifferentFromUploadedSizeIsBlocked() {
        byte[] pdf = TestPdfs.clean(1);
        ScanInput in = new ScanInput("acme", "doc-1", "application/pdf", pdf.length + 10, pdf.length, ContentSource.of(pdf), policy);
        ScanResult r = scanner.scan(in);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(codes(r)).contains("size.mismatch");
    }

    @Test
    void typeNotAllowedByPolicyIsBlocked() {
        ScanResult r = scanner.scan(ScanInput.of("acme", "doc-1", "application/x-msdownload", new byte[] {'M', 'Z'}, policy));
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(codes(r)).containsExactly("type.not_allowed");
    }

    @Test
    void executableDeclaredAsPdfIsNamed() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        ScanResult r = scan(exe);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(codes(r)).containsExactly("type.mismatch");
        assertThat(r.findings().get(0).reason()).contains("Windows executable");
    }

    @Test
    void truncatedPdfIsBlocked() {
        ScanResult r = scan(TestPdfs.truncate(TestPdfs.clean(5)));
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(codes(r)).contains("pdf.truncated");
    }

    @Test
    void garbageAfterHeaderIsMalformed() {
        byte[] junk = "%PDF-1.7\nthis is not a pdf at all\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        ScanResult r = scan(junk);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.findings()).extracting(Finding::category).contains(Category.MALFORMED);
    }

    @Test
    void passwordProtectedPdfIsBlocked() {
        ScanResult r = scan(TestPdfs.encrypted("user-secret"));
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(codes(r)).containsExactly("pdf.encrypted");
    }

    @Test
    void permissionsOnlyEncryptionIsReportedButAllowedByDefault() {
        ScanResult r = scan(TestPdfs.encrypted(""));
        assertThat(r.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(codes(r)).containsExactly("pdf.permissions_encryption");
    }

    @Test
    void tooManyPagesIsBlocked() {
        // GIVEN a tenant limit of 20 pages WHEN a 25-page PDF arrives THEN blocked, naming both numbers
        ScanResult r = scanner.scan(ScanInput.of("acme", "doc-1", "application/pdf", TestPdfs.clean(25), policy.withMaxPages(20)));
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(codes(r)).containsExactly("pdf.too_many_pages");
        assertThat(r.findings().get(0).reason()).contains("25").contains("20");
    }

    @Test
    void decompressionBombIsBlocked() {
        // GIVEN a stream inflating to 8 MiB and a tenant limit of 1 MiB per stream
        ScannerPolicy tight = policy.withLimits(new ScannerPolicy.PdfLimits(1 << 20, 4 << 20, 1 << 20, 1000, 100_000, 16 << 20));
        ScanResult r = scanner.scan(ScanInput.of("acme", "doc-1", "application/pdf", TestPdfs.flateBomb(8 << 20), tight));
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(codes(r)).containsExactly("pdf.decompression_bomb");
    }

    @Test
    void highRatioStreamIsBlockedByRatioLimit() {
        // GIVEN 6 MiB of zeros (ratio ~1000:1) with per-stream caps wide open but a 100:1 ratio limit over 1 MiB
        ScannerPolicy ratio = policy.withLimits(new ScannerPolicy.PdfLimits(64 << 20, 256 << 20, 1 << 20, 100, 100_000, 16 << 20));
        ScanResult r = scanner.scan(ScanInput.of("acme", "doc-1", "application/pdf", TestPdfs.flateBomb(6 << 20), ratio));
        assertThat(codes(r)).containsExactly("pdf.decompression_bomb");
        assertThat(r.findings().get(0).reason()).contains("times");
    }

    @Test
    void polyglotWithZipAfterEofIsBlocked() {
        byte[] pdf = TestPdfs.clean(1);
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0};
        byte[] both = new byte[pdf.length + zip.length];
        System.arraycopy(pdf, 0, both, 0, pdf.length);
        System.arraycopy(zip, 0, both, pdf.length, zip.length);
        ScanResult r = scan(both);
        assertThat(codes(r)).contains("type.polyglot");
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void tenantPolicyCanAllowPlainTextAndChecksIt() {
        ScannerPolicy text = policy.withAllowedContentTypes(Set.of("application/pdf", "text/plain"));
        ScanResult ok = scanner.scan(ScanInput.of("acme", "d", "text/plain; charset=utf-8", "héllo".getBytes(StandardCharsets.UTF_8), text));
        ScanResult binary = scanner.scan(ScanInput.of("acme", "d", "text/plain", new byte[] {'a', 0, 'b'}, text));
        assertThat(ok.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(binary.verdict()).isEqualTo(Verdict.BLOCK);
    }
}
