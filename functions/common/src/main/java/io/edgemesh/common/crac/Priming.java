package io.edgemesh.common.crac;

import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.Logger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming through org.crac: {@code beforeCheckpoint} runs work that should be in the
 * snapshot (class loading, JIT-warm JSON paths, SDK client construction), {@code afterRestore} redoes
 * whatever must not be shared between restored copies (clocks, random seeds, cached credentials or
 * secrets). A failing step is logged and skipped: a cold path is slower, a failed checkpoint is an
 * outage.
 *
 * <p>org.crac holds resources weakly, so registered instances are also kept here for the life of the
 * process; a handler registers once, in its constructor.
 */
public final class Priming implements Resource {
    private static final Logger LOG = Log.get(Priming.class);
    private static final List<Priming> REGISTERED = new CopyOnWriteArrayList<>();

    /** A priming step; may throw, which is logged and ignored. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private final String name;
    private final Step beforeCheckpoint;
    private final Step afterRestore;

    private Priming(String name, Step beforeCheckpoint, Step afterRestore) {
        this.name = name;
        this.beforeCheckpoint = beforeCheckpoint == null ? () -> { } : beforeCheckpoint;
        this.afterRestore = afterRestore == null ? () -> { } : afterRestore;
    }

    /** A resource that is not registered (tests call its hooks directly). */
    public static Priming of(String name, Step beforeCheckpoint, Step afterRestore) {
        return new Priming(name, beforeCheckpoint, afterRestore);
    }

    /** Creates and registers with the global CRaC context; outside a CRaC JVM the hooks just never run. */
    public static Priming register(String name, Step beforeCheckpoint, Step afterRestore) {
        Priming p = new Priming(name, beforeCheckpoint, afterRestore);
        REGISTERED.add(p);
        Core.getGlobalContext().register(p);
        return p;
    }

    public String name() { return name; }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        run("beforeCheckpoint", beforeCheckpoint);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        run("afterRestore", afterRestore);
    }

    private void run(String phase, Step step) {
        long start = System.nanoTime();
        try {
            step.run();
            LOG.info("priming step done", "priming", name, "phase", phase,
                    "millis", (System.nanoTime() - start) / 1_000_000);
        } catch (Exception | LinkageError e) {
            LOG.warn("priming step failed; continuing without it", e, "priming", name, "phase", phase);
        }
    }

    /**
     * Exercises the shared JSON, HTTP error, metrics and event paths so their classes and Jackson serializers
     * are loaded and warm in the snapshot. Writes nothing to the output.
     */
    public static void warmCommon() {
        var node = io.edgemesh.common.Json.parse("{\"warm\":[1,\"x\",true,null,{\"a\":1.5}]}");
        io.edgemesh.common.Json.write(node);
        io.edgemesh.common.Json.write(java.util.Map.of("error", java.util.Map.of("code", "x", "message", "y")));
        io.edgemesh.common.metrics.Metrics.begin("priming", "priming").count("Warm").toEmf(0);
        io.edgemesh.common.http.HttpResponses.error(io.edgemesh.common.ApiException.invalid("priming"));
        // the CloudEvents SDK and the event records' Jackson bindings are first used on a queue path
        io.edgemesh.events.EdgeMeshEvents.parse(io.edgemesh.events.EdgeMeshEvents.toJson(
                new io.edgemesh.events.TenantPending("priming", "priming")));
    }
}
