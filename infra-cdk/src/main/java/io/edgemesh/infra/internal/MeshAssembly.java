package io.edgemesh.infra.internal;

import io.edgemesh.infra.MeshSpec;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.FunctionDef;
import io.edgemesh.routes.Layer;
import io.edgemesh.routes.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.FunctionUrl;
import software.amazon.awscdk.services.lambda.FunctionUrlAuthType;
import software.amazon.awscdk.services.lambda.FunctionUrlOptions;
import software.amazon.awscdk.services.lambda.InvokeMode;

/**
 * Builds one whole mesh into a stack: data, a construct per layer, invoke grants along the
 * {@link FunctionDef#invokes()} edges only, the Layer 1 function URL, observability and outputs.
 * The shared mesh and a tenant sandbox are both assembled here, differing only by {@link MeshSpec}.
 */
public final class MeshAssembly {

    private final DataConstruct data;
    private final Map<String, LayerConstruct.Deployed> functions = new LinkedHashMap<>();
    private final Map<Layer, LayerConstruct> layers = new LinkedHashMap<>();
    private final FunctionUrl ingressUrl;

    public MeshAssembly(Stack stack, MeshSpec spec) {
        this.data = new DataConstruct(stack, "Data", spec);
        LambdaAssets assets = new LambdaAssets(spec.projectRoot());
        for (Layer layer : Layer.values()) {
            List<FunctionDef> defs = EdgeMeshResources.FUNCTIONS.stream().filter(f -> f.layer() == layer).toList();
            if (defs.isEmpty()) continue;
            LayerConstruct lc = new LayerConstruct(stack, "Layer" + layer.number() + "-" + layer.id(), spec, layer, defs, data, assets);
            layers.put(layer, lc);
            functions.putAll(lc.functions());
        }
        // Every layer but 1 is private: only the role of a function that calls it may invoke it.
        for (var caller : functions.values()) {
            for (String target : caller.def().invokes()) {
                var t = functions.get(target);
                caller.function().addEnvironment(Names.functionEnv(target), t.alias().getFunctionArn());
                caller.role().addToPolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                        .actions(List.of("lambda:InvokeFunction"))
                        .resources(List.of(t.alias().getFunctionArn())).build());
            }
        }
        // Secrets only the functions that need them can read.
        grantSecret(EdgeMeshResources.INGRESS.name(), Names.ENV_ADMIN_TOKEN_SECRET_ARN, data.adminToken().getSecretArn());
        grantSecret(EdgeMeshResources.INGRESS.name(), Names.ENV_SESSION_KEY_SECRET_ARN, data.sessionKey().getSecretArn());

        var ingress = functions.get(EdgeMeshResources.INGRESS.name());
        // The widget calls this URL from any tenant's site; the function authenticates (key + Origin)
        // and answers CORS per tenant, so the URL itself is public and adds no CORS of its own.
        this.ingressUrl = ingress.alias().addFunctionUrl(FunctionUrlOptions.builder()
                .authType(FunctionUrlAuthType.NONE)
                .invokeMode(InvokeMode.BUFFERED)
                .build());

        new ObservabilityConstruct(stack, "Observability", spec, data, functions);

        CfnOutput.Builder.create(stack, "Layer1Url").value(ingressUrl.getUrl())
                .description("The Layer 1 function URL: point the widget here").build();
        CfnOutput.Builder.create(stack, "EmbedSnippet")
                .value("<div data-chattia-embed data-title=\"Concierge\" data-endpoint=\"" + ingressUrl.getUrl()
                        + "\" data-key=\"pk_...\"></div><script src=\"" + ingressUrl.getUrl() + "widget.js\" defer></script>")
                .description("Paste into the tenant's page; replace pk_... with the tenant's publishable key").build();
        CfnOutput.Builder.create(stack, "AdminTokenSecret").value(data.adminToken().getSecretArn())
                .description("Secrets Manager ARN of the admin API token").build();
    }

    private void grantSecret(String function, String envName, String secretArn) {
        var f = functions.get(function);
        f.function().addEnvironment(envName, secretArn);
        f.role().addToPolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                .actions(List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"))
                .resources(List.of(secretArn)).build());
    }

    public DataConstruct data() { return data; }

    public Map<String, LayerConstruct.Deployed> functions() { return functions; }

    public FunctionUrl ingressUrl() { return ingressUrl; }
}
