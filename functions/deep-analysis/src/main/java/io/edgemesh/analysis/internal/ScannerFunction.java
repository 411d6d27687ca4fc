package io.edgemesh.analysis.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.edgemesh.analysis.scan.Scanner;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.common.crac.Priming;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.sqs.PoisonMessageException;
import io.edgemesh.common.sqs.SqsBatchHandler;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.FunctionDef;
import io.edgemesh.routes.Names;
import io.edgemesh.routes.QueueDef;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * What the four scanner handlers share: parse the queue message (an S3 notification), hand each
 * object to the {@link ScanPipeline}, and map failures onto the batch response. Wiring reads the
 * function's environment once: tables, bucket and queue URLs by logical name, the clamd address,
 * and {@code EDGEMESH_SCAN_DEADLINE_SECONDS} (default 40, below the 60 s function timeout).
 */
public abstract class ScannerFunction extends SqsBatchHandler {
    public static final String ENV_DEADLINE = "EDGEMESH_SCAN_DEADLINE_SECONDS";

    private final ScanPipeline pipeline;

    /**
     * @param config {@link FunctionConfig#fromSystem()} in Lambda (credentials then come from the default chain and
     *               are re-read after a SnapStart restore), {@link FunctionConfig#of} locally and in tests
     */
    protected ScannerFunction(FunctionDef def, FunctionConfig config, Function<FunctionConfig, Scanner> scannerFactory) {
        super(def.name());
        Log.configure(config);
        this.pipeline = wire(def, config, scannerFactory.apply(config));
        Scanner scanner = pipeline.scanner();
        Priming.register(def.name(), () -> {
            Priming.warmCommon();
            Warmup.scan(scanner);
        }, null);
    }

    static ScanPipeline wire(FunctionDef def, FunctionConfig config, Scanner scanner) {
        AwsClients aws = AwsClients.from(config);
        QueueDef source = EdgeMeshResources.queue(def.sources().get(0).queue());
        String bucket = config.bucket(EdgeMeshResources.UPLOADS.name());
        return new ScanPipeline(scanner, new ScannerRunner(Duration.ofSeconds(config.getInt(ENV_DEADLINE, 40))),
                new DocumentRecords(aws.dynamoDb(), config.table(EdgeMeshResources.DOCUMENTS.name())),
                new VerdictRecords(aws.dynamoDb(), config.table(EdgeMeshResources.SCANS.name())),
                new UploadObjects(aws.s3(), bucket), new EventPublisher(aws.sqs()),
                config.queueUrl(EdgeMeshResources.INDEX_REQUESTS.name()), config.queueUrl(EdgeMeshResources.AUDIT_EVENTS.name()),
                def.name(), source.maxReceiveCount(), Clock.systemUTC());
    }

    /** The clamd address from {@link Names#ENV_CLAMD}, if configured. */
    protected static String clamdAddress(FunctionConfig config) {
        return config.get(Names.ENV_CLAMD).orElse(null);
    }

    @Override
    protected void process(SQSMessage message, Context context) {
        List<ObjectCreated> created;
        try {
            created = S3EventMessages.parse(message.getBody());
        } catch (S3EventMessages.NotANotification e) {
            throw new PoisonMessageException("not an S3 object-created notification: " + e.getMessage(), e);
        }
        int receiveCount = receiveCount(message);
        for (ObjectCreated c : created) {
            pipeline.handle(c, receiveCount);
        }
    }

    @Override
    protected String tenantOf(SQSMessage message) {
        try {
            for (ObjectCreated c : S3EventMessages.parse(message.getBody())) {
                var t = UploadKey.tenantOf(c.key());
                if (t.isPresent()) return t.get();
            }
        } catch (RuntimeException ignored) {
            // a message we cannot read has no tenant; process() turns it into a poison message
        }
        return null;
    }

    static int receiveCount(SQSMessage m) {
        String v = m.getAttributes() == null ? null : m.getAttributes().get("ApproximateReceiveCount");
        try {
            return v == null ? 1 : Math.max(1, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
