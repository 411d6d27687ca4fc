package io.edgemesh.analysis.scan;

import io.edgemesh.analysis.internal.BytePattern;
import io.edgemesh.analysis.internal.ClamdClient;
import io.edgemesh.analysis.internal.Eicar;
import io.edgemesh.analysis.internal.RawFlateStreams;
import io.edgemesh.analysis.internal.SafePdf;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.cos.COSName;

/**
 * Scanner 3, signatures: the EICAR test string in the raw bytes and in every decoded PDF stream
 * (a compressed stream hides it from a raw search), SHA-256 of the file and of every embedded file
 * against a blocklist (built-in resource plus the tenant's hashes), and ClamAV through clamd when an
 * address is configured. A clamd that cannot answer makes the verdict ERROR (to be retried), never
 * CLEAN; a block found locally stands even when clamd is down.
 */
public final class SignatureScanner implements Scanner {

    public static final String NAME = "signatures";
    private static final String BLOCKLIST_RESOURCE = "blocklist-sha256.txt";

    private final Set<String> blocklist;
    private final Optional<ClamdClient> clamd;
    private final BytePattern eicar = new BytePattern(Eicar.signature());

    public SignatureScanner(Set<String> extraBlocklist, Optional<ClamdClient> clamd) {
        Set<String> all = new HashSet<>(builtInBlocklist());
        extraBlocklist.forEach(h -> all.add(h.toLowerCase(Locale.ROOT)));
        this.blocklist = Set.copyOf(all);
        this.clamd = clamd;
    }

    /** Built-in blocklist only, no clamd. */
    public SignatureScanner() {
        this(Set.of(), Optional.empty());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ScanResult scan(ScanInput in) {
        ScannerPolicy p = in.policy();
        List<Finding> findings = new ArrayList<>();
        String[] error = new String[1];
        byte[] bytes = Reading.bytesOrFinding(in, findings, error);
        if (error[0] != null) return ScanResult.error(NAME, error[0]);
        if (bytes == null || bytes.length == 0) return ScanResult.of(NAME, findings);

        String hash = sha256(bytes);
        if (blocked(hash, p)) {
            findings.add(p.finding("signature.blocklisted_hash", Category.BLOCKLISTED_HASH, "the file's SHA-256 " + hash + " is on the blocklist"));
        }
        if (eicar.foundIn(bytes)) {
            findings.add(p.finding("signature.eicar", Category.MALWARE_SIGNATURE, "EICAR test signature in the file"));
        }
        if (in.declaredPdf()) inspectStreams(bytes, p, findings);
        if (clamd.isPresent()) {
            String err = clamav(clamd.get(), bytes, p, findings);
            if (err != null && findings.stream().noneMatch(f -> f.action() == PolicyAction.BLOCK)) {
                return ScanResult.error(NAME, err);
            }
        }
        return ScanResult.of(NAME, findings);
    }

    /** EICAR inside decoded streams and blocklisted embedded files; raw inflation when PDFBox refuses the file. */
    private void inspectStreams(byte[] bytes, ScannerPolicy p, List<Finding> findings) {
        boolean eicarFound = findings.stream().anyMatch(f -> f.code().equals("signature.eicar"));
        List<String> eicarIn = new ArrayList<>();
        SafePdf.Outcome o = SafePdf.open(bytes, p.limits(), (where, stream, decoded) -> {
            if (decoded == null) return;
            if (eicarIn.size() < 5 && eicar.foundIn(decoded)) eicarIn.add(where);
            if (COSName.EMBEDDED_FILE.equals(stream.getCOSName(COSName.TYPE))) {
                String h = sha256(decoded);
                if (blocked(h, p)) {
                    findings.add(p.finding("signature.blocklisted_hash", Category.BLOCKLISTED_HASH,
                            "an embedded file (" + where + ") has SHA-256 " + h + ", which is on the blocklist"));
                }
            }
        });
        if (o instanceof SafePdf.Opened opened) {
            opened.close();
        } else {
            BytePattern.Matcher[] m = {eicar.matcher()};
            RawFlateStreams.scan(bytes, p.limits(), new RawFlateStreams.Sink() {
                @Override
                public void chunk(byte[] b, int off, int len) {
                    if (m[0].feed(b, off, len) && eicarIn.isEmpty()) eicarIn.add("a compressed stream");
                }

                @Override
                public void end() {
                    m[0] = eicar.matcher();
                }
            });
        }
        if (!eicarIn.isEmpty() && !eicarFound) {
            findings.add(p.finding("signature.eicar", Category.MALWARE_SIGNATURE,
                    "EICAR test signature in a compressed PDF stream (" + String.join(", ", eicarIn) + ")"));
        }
    }

    /** Adds clamd's finding; returns an error message when clamd could not give a verdict. */
    private static String clamav(ClamdClient c, byte[] bytes, ScannerPolicy p, List<Finding> findings) {
        try {
            ClamdClient.Reply r = c.scan(bytes);
            if (r instanceof ClamdClient.Found found) {
                findings.add(p.finding("signature.clamav", Category.MALWARE_SIGNATURE, "ClamAV: " + found.signature()));
                return null;
            }
            if (r instanceof ClamdClient.Failed failed) return "clamd at " + c.address() + " failed: " + failed.message();
            return null;
        } catch (IOException e) {
            return "clamd at " + c.address() + " unavailable: " + e.getMessage();
        }
    }

    private boolean blocked(String hash, ScannerPolicy p) {
        return blocklist.contains(hash) || p.blockedSha256().contains(hash);
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static Set<String> builtInBlocklist() {
        try (InputStream in = SignatureScanner.class.getResourceAsStream(BLOCKLIST_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + BLOCKLIST_RESOURCE);
            Set<String> out = new HashSet<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                String h = t.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
                if (ScannerPolicy.isSha256(h)) out.add(h);
            }
            out.add(Eicar.SHA256);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
