/**
 * Layer 3, deep analysis of uploads: one Lambda handler per scanner ({@link io.edgemesh.analysis.TypeScanHandler},
 * {@link io.edgemesh.analysis.ActiveContentScanHandler}, {@link io.edgemesh.analysis.SignatureScanHandler},
 * {@link io.edgemesh.analysis.SecretsScanHandler}), each consuming its fan-out queue of S3 notifications. The
 * handlers only parse and delegate; the scanners live in {@code io.edgemesh.analysis.scan} and the verdict
 * aggregation, quarantine and release in {@code io.edgemesh.analysis.internal}.
 */
package io.edgemesh.analysis;
