package io.edgemesh.firewall.internal;

import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.firewall.Firewall;
import io.edgemesh.firewall.anomaly.AnomalyPolicy;
import io.edgemesh.firewall.detect.InjectionClassifier;
import io.edgemesh.firewall.detect.InjectionModel;
import io.edgemesh.firewall.detect.InjectionRules;
import io.edgemesh.firewall.detect.ModerationRules;
import io.edgemesh.firewall.pii.PiiRedactor;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.tinyml.embed.MiniLm;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Builds the production {@link Firewall} from a function's configuration: the sessions table and the
 * audit queue from the names {@code EdgeMeshResources} declares, the shared MiniLM embedder, and the
 * anomaly policy ({@code EDGEMESH_FIREWALL_BURST_MESSAGES}, {@code EDGEMESH_FIREWALL_BLOCKS_TO_QUARANTINE},
 * {@code EDGEMESH_FIREWALL_QUARANTINE_MINUTES}; defaults in {@link AnomalyPolicy#DEFAULT}).
 */
public final class FirewallWiring {
    private FirewallWiring() { }

    public static Firewall create(FunctionConfig config, AwsClients aws) {
        AnomalyPolicy policy = policy(config);
        return new Firewall(List.of(new InjectionRules(), new ModerationRules()),
                new InjectionClassifier(MiniLm.embedder(), InjectionModel.load()), new PiiRedactor(),
                new DynamoSessionAnomalies(aws.dynamoDb(), config.table(EdgeMeshResources.SESSIONS.name()), policy), policy,
                new SqsAuditSink(aws.sqs(), config.queueUrl(EdgeMeshResources.AUDIT_EVENTS.name())), Clock.systemUTC());
    }

    static AnomalyPolicy policy(FunctionConfig config) {
        AnomalyPolicy d = AnomalyPolicy.DEFAULT;
        return new AnomalyPolicy(config.getInt("EDGEMESH_FIREWALL_BURST_MESSAGES", d.burstMessages()), d.burstWindow(),
                config.getInt("EDGEMESH_FIREWALL_BLOCKS_TO_QUARANTINE", d.blocksToQuarantine()), d.blockWindow(),
                Duration.ofMinutes(config.getInt("EDGEMESH_FIREWALL_QUARANTINE_MINUTES", (int) d.quarantine().toMinutes())),
                d.stateTtl());
    }
}
