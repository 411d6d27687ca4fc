package io.edgemesh.local.support;

import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.common.invoke.EnvelopeHandler;
import io.edgemesh.common.invoke.Invocation;
import java.util.Map;

/** A tiny envelope-verified target (as the "search" function): answers who called it and what it got. */
public final class EchoSearch extends EnvelopeHandler {
    public EchoSearch(Map<String, String> env) {
        this(FunctionConfig.of(env));
    }

    private EchoSearch(FunctionConfig config) {
        super(config, AwsClients.from(config));
    }

    @Override
    protected Object handle(Invocation invocation) {
        return Map.of("tenantId", invocation.tenantId(), "source", invocation.source(),
                "operation", invocation.operation(), "body", invocation.body());
    }
}
