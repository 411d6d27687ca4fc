package io.edgemesh.backbone.documents;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One scanner's answer as shown to the tenant.
 *
 * @param verdict  {@code CLEAN}, {@code REVIEW}, {@code BLOCK} or {@code ERROR}
 * @param findings what it found, each with the action the tenant's policy gave it
 * @param error    why the scanner could not decide, when {@code verdict} is {@code ERROR}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScannerVerdict(String scanner, String verdict, List<Finding> findings, String error, String scannedAt) {

    /** @param category Layer 3's category in lower case, e.g. {@code javascript} */
    public record Finding(String code, String category, String reason, String action) { }
}
