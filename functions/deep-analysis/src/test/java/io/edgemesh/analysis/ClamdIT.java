package io.edgemesh.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.analysis.internal.ClamdClient;
import io.edgemesh.analysis.scan.Finding;
import io.edgemesh.analysis.scan.ScanInput;
import io.edgemesh.analysis.scan.ScanResult;
import io.edgemesh.analysis.scan.ScannerPolicy;
import io.edgemesh.analysis.scan.SignatureScanner;
import io.edgemesh.analysis.scan.TestPdfs;
import io.edgemesh.analysis.scan.Verdict;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signature scanner against a real clamd (Debian's clamav-daemon) started by the test with a
 * signature database the test writes itself: one {@code .ndb} line for a marker string. No
 * definitions are downloaded. When clamd is not installed the test is skipped and says why.
 */
class ClamdIT {

    /** Assembled at run time so the source file itself never matches the signature. */
    private static final String MARKER = String.join("-", "EDGEMESH", "CLAMAV", "TEST", "MARKER", "7f3a91");

    @TempDir
    static Path dir;
    private static Process clamd;
    private static ClamdClient client;

    @BeforeAll
    static void startClamd() throws Exception {
        Optional<Path> binary = Stream.of("/usr/sbin/clamd", "/usr/bin/clamd", "/usr/local/sbin/clamd").map(Path::of)
                .filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(binary.isPresent(),
                "clamd is not installed (Debian: apt-get install -y clamav-daemon; .ci/run does this), so the ClamAV test is skipped");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path db = Files.createDirectories(dir.resolve("db"));
        Files.writeString(db.resolve("edgemesh-test.ndb"),
                "EdgeMeshTestMarker:0:*:" + HexFormat.of().formatHex(MARKER.getBytes(StandardCharsets.US_ASCII)) + "\n");
        Path conf = dir.resolve("clamd.conf");
        Files.writeString(conf, String.join("\n", List.of("Foreground yes", "TCPSocket " + port, "TCPAddr 127.0.0.1",
                "DatabaseDirectory " + db, "TemporaryDirectory " + dir, "LogFile " + dir.resolve("clamd.log"),
                "LogVerbose no", "StreamMaxLength 30M", "")));
        clamd = new ProcessBuilder(binary.get().toString(), "--config-file=" + conf).redirectErrorStream(true)
                .redirectOutput(dir.resolve("clamd.out").toFile()).start();
        client = new ClamdClient("127.0.0.1", port, Duration.ofSeconds(1), Duration.ofSeconds(30));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!client.ping()) {
            if (!clamd.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("clamd did not come up: " + Files.readString(dir.resolve("clamd.out")));
            }
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stopClamd() throws InterruptedException {
        if (clamd != null) {
            clamd.destroy();
            clamd.waitFor();
        }
    }

    @Test
    void clamdFindsTheTestSignatureAndPassesCleanBytes() throws IOException {
        // GIVEN bytes containing the marker and bytes without it
        byte[] infected = ("some text " + MARKER + " more text").getBytes(StandardCharsets.US_ASCII);
        // WHEN streamed over INSTREAM THEN clamd answers FOUND with the signature name, and OK
        assertThat(client.scan(infected)).isEqualTo(new ClamdClient.Found("EdgeMeshTestMarker.UNOFFICIAL"));
        assertThat(client.scan("nothing to see".getBytes(StandardCharsets.US_ASCII))).isEqualTo(new ClamdClient.Clean());
    }

    @Test
    void largeStreamsAreSentInChunks() throws IOException {
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        byte[] m = MARKER.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(m, 0, big, big.length - m.length - 5, m.length);
        assertThat(client.scan(big)).isInstanceOf(ClamdClient.Found.class);
    }

    @Test
    void signatureScannerBlocksWhatClamdFindsAndPassesCleanPdfs() {
        SignatureScanner scanner = new SignatureScanner(Set.of(), Optional.of(client));
        byte[] dirty = TestPdfs.build(1, List.of("Hello"), d -> d.getDocumentInformation().setTitle(MARKER));
        ScanResult r = scanner.scan(ScanInput.of("acme", "doc-1", "application/pdf", dirty, ScannerPolicy.defaults()));
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.findings()).extracting(Finding::reason).contains("ClamAV: EdgeMeshTestMarker.UNOFFICIAL");
        ScanResult ok = scanner.scan(ScanInput.of("acme", "doc-2", "application/pdf", TestPdfs.clean(2), ScannerPolicy.defaults()));
        assertThat(ok.verdict()).isEqualTo(Verdict.CLEAN);
    }
}
