package io.edgemesh.emulators.internal;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients for the loopback endpoints, configured the way the functions configure theirs. */
public final class AwsClients {

    private AwsClients() { }

    /** Socket timeout above SQS's 20 s long-poll maximum, so long polls are not cut short. */
    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }

    public static StaticCredentialsProvider credentials(String accessKeyId, String secretAccessKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    public static DynamoDbClient dynamoDb(URI endpoint, Region region, StaticCredentialsProvider credentials, SdkHttpClient http) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(credentials).httpClient(http).build();
    }

    public static SqsClient sqs(URI endpoint, Region region, StaticCredentialsProvider credentials, SdkHttpClient http) {
        return SqsClient.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(credentials).httpClient(http).build();
    }

    /**
     * Path-style (no per-bucket host names on loopback), and checksums only where S3 requires them:
     * SDK 2.30+ otherwise sends CRC32 trailers that S3Proxy answers with 501.
     */
    public static S3Client s3(URI endpoint, Region region, StaticCredentialsProvider credentials, SdkHttpClient http) {
        return S3Client.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(credentials).httpClient(http)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    public static S3Presigner s3Presigner(URI endpoint, Region region, StaticCredentialsProvider credentials) {
        return S3Presigner.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }
}
