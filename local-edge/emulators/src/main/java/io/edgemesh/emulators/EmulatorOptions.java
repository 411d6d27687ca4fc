package io.edgemesh.emulators;

import java.nio.file.Path;

/**
 * How to start the embedded servers.
 *
 * @param dataDir    folder keeping every server's state across restarts; {@code null} keeps
 *                   everything in memory
 * @param dynamoPort loopback port for DynamoDB Local, 0 for a free one
 * @param sqsPort    loopback port for ElasticMQ, 0 for a free one
 * @param s3Port     loopback port for S3Proxy, 0 for a free one
 */
public record EmulatorOptions(Path dataDir, int dynamoPort, int sqsPort, int s3Port) {

    public EmulatorOptions {
        checkPort("dynamoPort", dynamoPort);
        checkPort("sqsPort", sqsPort);
        checkPort("s3Port", s3Port);
        if (dataDir != null) {
            dataDir = dataDir.toAbsolutePath().normalize();
        }
    }

    /** Everything in memory, free ports. */
    public static EmulatorOptions inMemory() {
        return new EmulatorOptions(null, 0, 0, 0);
    }

    /** State kept under {@code dataDir} ({@code dynamodb/}, {@code sqs/}, {@code s3/}, {@code logs/}), free ports. */
    public static EmulatorOptions persistent(Path dataDir) {
        if (dataDir == null) {
            throw new IllegalArgumentException("dataDir is required for persistent emulators");
        }
        return new EmulatorOptions(dataDir, 0, 0, 0);
    }

    /** The same options on fixed ports (0 = free). */
    public EmulatorOptions withPorts(int dynamo, int sqs, int s3) {
        return new EmulatorOptions(dataDir, dynamo, sqs, s3);
    }

    public boolean inMemoryOnly() {
        return dataDir == null;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be 0 (free port) or 1-65535: " + port);
        }
    }

    /** Builder for callers that set only some fields. */
    public static final class Builder {
        private Path dataDir;
        private int dynamoPort;
        private int sqsPort;
        private int s3Port;

        private Builder() { }

        public Builder dataDir(Path value) { this.dataDir = value; return this; }

        public Builder dynamoPort(int value) { this.dynamoPort = value; return this; }

        public Builder sqsPort(int value) { this.sqsPort = value; return this; }

        public Builder s3Port(int value) { this.s3Port = value; return this; }

        public EmulatorOptions build() {
            return new EmulatorOptions(dataDir, dynamoPort, sqsPort, s3Port);
        }
    }
}
