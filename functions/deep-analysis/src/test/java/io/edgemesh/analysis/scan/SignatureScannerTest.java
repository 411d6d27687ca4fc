package io.edgemesh.analysis.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.analysis.internal.ClamdClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignatureScannerTest {

    private final ScannerPolicy policy = ScannerPolicy.defaults();
    private final SignatureScanner scanner = new SignatureScanner();

    private ScanResult scan(SignatureScanner s, String type, byte[] bytes, ScannerPolicy p) {
        return s.scan(ScanInput.of("acme", "doc-1", type, bytes, p));
    }

    @Test
    void cleanPdfPasses() {
        ScanResult r = scan(scanner, "application/pdf", TestPdfs.clean(2), policy);
        assertThat(r.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void eicarFileIsFoundByContentAndByHash() {
        ScanResult r = scan(scanner, "application/pdf", TestPdfs.eicar(), policy);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.findings()).extracting(Finding::code).contains("signature.eicar", "signature.blocklisted_hash");
        assertThat(r.findings()).extracting(Finding::reason).contains("EICAR test signature in the file");
    }

    @Test
    void eicarInsideACompressedStreamIsFound() {
        // GIVEN a PDF whose only copy of EICAR is inside a FlateDecode stream (invisible to a raw search)
        byte[] pdf = TestPdfs.compressedPayload(TestPdfs.eicar());
        assertThat(new io.edgemesh.analysis.internal.BytePattern(TestPdfs.eicar()).foundIn(pdf)).isFalse();
        // WHEN scanned THEN the decoded stream gives it away
        ScanResult r = scan(scanner, "application/pdf", pdf, policy);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.findings()).extracting(Finding::reason).anyMatch(s -> s.startsWith("EICAR test signature in a compressed PDF stream"));
    }

    @Test
    void eicarInCompressedStreamOfUnparseablePdfIsStillFound() {
        // GIVEN the same PDF with its cross-reference data destroyed, so PDFBox cannot load it
        byte[] pdf = TestPdfs.compressedPayload(TestPdfs.eicar());
        String s = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).replace("/Root", "/Xoot").replace("xref", "xxxx");
        ScanResult r = scan(scanner, "application/pdf", s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), policy);
        assertThat(r.findings()).extracting(Finding::code).contains("signature.eicar");
    }

    @Test
    void eicarInEmbeddedFileIsFoundAndHashBlocklisted() {
        ScanResult r = scan(scanner, "application/pdf", TestPdfs.embeddedFile(TestPdfs.eicar(), "test.com"), policy);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.findings()).extracting(Finding::code).contains("signature.eicar", "signature.blocklisted_hash");
    }

    @Test
    void tenantBlocklistHashIsHonoured() {
        byte[] pdf = TestPdfs.clean(1);
        String hash = SignatureScanner.sha256(pdf);
        ScanResult r = scan(scanner, "application/pdf", pdf, policy.withBlockedSha256(Set.of(hash.toUpperCase())));
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.findings()).extracting(Finding::code).containsExactly("signature.blocklisted_hash");
    }

    @Test
    void clamdDownIsAnErrorNotClean() throws IOException {
        // GIVEN a clamd address nobody listens on
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SignatureScanner withClamd = new SignatureScanner(Set.of(),
                ClamdClient.fromAddress("127.0.0.1:" + port, Duration.ofMillis(500), Duration.ofSeconds(1)));
        // WHEN a clean file is scanned THEN the verdict is ERROR (to be retried), never CLEAN
        ScanResult r = scan(withClamd, "application/pdf", TestPdfs.clean(1), policy);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.error()).contains("unavailable");
        // AND a file blocked locally stays blocked even with clamd down
        ScanResult eicar = scan(withClamd, "application/pdf", TestPdfs.eicar(), policy);
        assertThat(eicar.verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void builtInBlocklistHasTheEicarHash() {
        assertThat(SignatureScanner.builtInBlocklist()).contains(SignatureScanner.sha256(TestPdfs.eicar()));
        assertThat(Optional.of(scanner.name())).contains("signatures");
    }
}
