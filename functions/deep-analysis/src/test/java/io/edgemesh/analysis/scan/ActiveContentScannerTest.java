package io.edgemesh.analysis.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ActiveContentScannerTest {

    private final ActiveContentScanner scanner = new ActiveContentScanner();
    private final ScannerPolicy policy = ScannerPolicy.defaults();

    private ScanResult scan(byte[] pdf, ScannerPolicy p) {
        return scanner.scan(ScanInput.of("acme", "doc-1", "application/pdf", pdf, p));
    }

    @Test
    void cleanPdfHasNoActiveContent() {
        ScanResult r = scan(TestPdfs.clean(2), policy);
        assertThat(r.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void javaScriptOpenActionIsBlockedAndNamed() {
        ScanResult r = scan(TestPdfs.javaScriptOpenAction(), policy);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.findings()).extracting(Finding::code).containsExactly("active.javascript");
        assertThat(r.findings().get(0).reason()).isEqualTo("JavaScript in OpenAction");
    }

    @Test
    void launchActionInLinkAnnotationIsBlocked() {
        ScanResult r = scan(TestPdfs.launchAction(), policy);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.findings()).extracting(Finding::code).containsExactly("active.launch");
        assertThat(r.findings().get(0).reason()).contains("Launch action in Link annotation on page 1").contains("cmd.exe");
    }

    @Test
    void annotationJavaScriptIsFoundOnTheRightPage() {
        ScanResult r = scan(TestPdfs.annotationJavaScript(), policy);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.findings().get(0).reason()).isEqualTo("JavaScript in Link annotation on page 2");
    }

    @Test
    void embeddedFileIsBlockedWithItsName() {
        ScanResult r = scan(TestPdfs.embeddedFile("MZ fake".getBytes(StandardCharsets.US_ASCII), "payload.exe"), policy);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.findings()).extracting(Finding::code).containsExactly("active.embedded_file");
        assertThat(r.findings().get(0).reason()).contains("payload.exe").contains("EmbeddedFiles");
    }

    @Test
    void xfaFormIsBlocked() {
        ScanResult r = scan(TestPdfs.xfa(), policy);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.findings()).extracting(Finding::category).containsExactly(Category.XFA);
    }

    @Test
    void plainLinksAreReportedButAllowed() {
        ScanResult r = scan(TestPdfs.plainLink(), policy);
        assertThat(r.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(r.findings()).extracting(Finding::reason).containsExactly("link to www.example.com in Link annotation on page 1");
    }

    @Test
    void tenantPolicyCanTurnJavaScriptIntoReviewOrAllow() {
        ScanResult review = scan(TestPdfs.javaScriptOpenAction(), policy.withAction(Category.JAVASCRIPT, PolicyAction.REVIEW));
        ScanResult allow = scan(TestPdfs.javaScriptOpenAction(), policy.withAction(Category.JAVASCRIPT, PolicyAction.ALLOW));
        assertThat(review.verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(allow.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(allow.findings()).hasSize(1);
    }

    @Test
    void unparseablePdfIsNotVouchedFor() {
        ScanResult r = scan("%PDF-1.4\ngarbage\n".getBytes(StandardCharsets.US_ASCII), policy);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.findings()).extracting(Finding::category).containsExactly(Category.UNSCANNABLE);
    }

    @Test
    void nonPdfTypesHaveNoPdfActiveContent() {
        ScanResult r = scanner.scan(ScanInput.of("acme", "d", "text/plain", "hello".getBytes(StandardCharsets.UTF_8), policy));
        assertThat(r.verdict()).isEqualTo(Verdict.CLEAN);
    }
}
