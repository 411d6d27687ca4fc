/**
 * The upload scanners of Layer 3 as plain classes: each {@link io.edgemesh.analysis.scan.Scanner} turns a
 * {@link io.edgemesh.analysis.scan.ScanInput} (tenant, document, declared type and size, a bounded view of
 * the bytes, the tenant's {@link io.edgemesh.analysis.scan.ScannerPolicy}) into a
 * {@link io.edgemesh.analysis.scan.ScanResult} with a verdict and findings that carry a machine-readable code
 * and a reason a tenant can read. Nothing here knows about Lambda, SQS or S3; the handlers feed these
 * classes and the aggregation in {@code io.edgemesh.analysis.internal} records what they say.
 */
package io.edgemesh.analysis.scan;
