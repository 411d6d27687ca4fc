package io.edgemesh.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Synthesises a stack once per JVM (jsii start-up is the slow part) for the assertions. */
final class Synth {
    record Result(Stack stack, Template template, List<String> nagErrors) { }

    private static Result shared;
    private static Result sandbox;

    static synchronized Result shared() {
        if (shared == null) shared = synth(Map.of());
        return shared;
    }

    static synchronized Result sandbox() {
        if (sandbox == null) sandbox = synth(Map.of("sandbox", "acme"));
        return sandbox;
    }

    private static Result synth(Map<String, Object> context) {
        App app = new App(AppProps.builder().context(context).build());
        Stack stack = EdgeMeshApp.build(app, EdgeMeshApp.projectRoot());
        Template template = Template.fromStack(stack);
        List<String> errors = Annotations.fromStack(stack)
                .findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))
                .stream().map(m -> m.getId() + ": " + m.getEntry().getData()).toList();
        return new Result(stack, template, errors);
    }

    private Synth() { }
}
