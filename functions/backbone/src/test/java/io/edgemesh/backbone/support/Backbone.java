package io.edgemesh.backbone.support;

import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.emulators.Emulators;
import io.edgemesh.routes.Names;
import java.util.Map;

/** The shared emulators' environment and clients built from it the way a function builds them. */
public final class Backbone {
    private static AwsClients clients;

    private Backbone() { }

    public static Map<String, String> env() {
        return Emulators.shared().environment(Names.DEFAULT_PREFIX);
    }

    public static FunctionConfig config() { return FunctionConfig.of(env()); }

    public static synchronized AwsClients aws() {
        if (clients == null) clients = AwsClients.from(config());
        return clients;
    }
}
