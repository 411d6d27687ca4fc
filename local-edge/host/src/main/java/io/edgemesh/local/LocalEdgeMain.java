package io.edgemesh.local;

import io.edgemesh.local.StartupException.Reason;
import io.edgemesh.routes.Names;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./edgemesh dev [--port N] [--data DIR | --in-memory] [--root DIR]}: starts the local edge,
 * prints one line containing {@code ready} with the base URL, then the demo page, the demo tenant's
 * keys and the admin token, and runs until Ctrl-C (a shutdown hook stops everything in order).
 * A failed start prints why and exits non-zero (see {@link StartupException.Reason}).
 */
public final class LocalEdgeMain {

    /** Parsed command line. */
    public record Options(int port, Path dataDir, boolean inMemory, Path root) {
        public Path effectiveDataDir() {
            return inMemory ? null : dataDir != null ? dataDir : root.resolve(".edgemesh");
        }
    }

    private LocalEdgeMain() { }

    public static void main(String[] args) {
        LocalEdge edge;
        try {
            edge = run(args, System.out, System.getenv());
        } catch (StartupException e) {
            System.err.println("edgemesh: " + e.getMessage());
            if (e.reason() == Reason.USAGE) System.err.println(usage());
            System.exit(e.reason().exitCode());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        LocalEdge running = edge;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("edgemesh: stopping...");
            running.close();
            System.out.println("edgemesh: stopped");
            stopped.countDown();
        }, "edgemesh-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the edge for a command line and prints the banner; the caller owns the returned edge. */
    public static LocalEdge run(String[] args, PrintStream out, Map<String, String> environment) {
        Options options = parse(args);
        Map<String, String> extra = new LinkedHashMap<>();
        // settings of the shell (log level, provider endpoints...) reach every function
        environment.forEach((k, v) -> {
            if (k.startsWith("EDGEMESH_") && !k.equals(Names.ENV_ADMIN_TOKEN)) extra.put(k, v);
        });
        LocalEdgeConfig config = LocalEdgeConfig.inMemory()
                .withPort(options.port())
                .withDataDir(options.effectiveDataDir())
                .withAdminToken(environment.get(Names.ENV_ADMIN_TOKEN))
                .withExtraEnvironment(extra)
                .withDemoTenant(false);
        LocalEdge edge = LocalEdge.start(config);
        out.printf(Locale.ROOT, "EdgeMesh local edge ready at %s (started in %.1f s)%n", edge.baseUrl(),
                edge.startupTime().toMillis() / 1000.0);
        out.flush();
        // the demo tenant is created through the edge itself, so only once it answers
        edge.createDemoTenant();
        printBanner(edge, out);
        return edge;
    }

    /** Everything after the ready line. No line here may contain "ready": scripts wait for the one that does. */
    static void printBanner(LocalEdge edge, PrintStream out) {
        String base = edge.baseUrl();
        out.println("  demo page:    " + base + "/demo");
        edge.demoTenant().ifPresentOrElse(t -> {
            out.println("  demo tenant:  " + t.tenantId());
            out.println("    publishable key: " + t.publishableKey());
            if (t.secretKey() != null) out.println("    secret key:      " + t.secretKey());
            edge.sampleDocumentId().ifPresent(id -> out.println("    sample document: " + id
                    + " (scanned and indexed in the background; chat unlocks once it is indexed)"));
        }, () -> out.println("  demo tenant:  none (" + edge.demoTenantNote() + ")"));
        out.println("  admin token:  " + edge.adminToken()
                + (edge.adminTokenFromEnvironment() ? "   (from EDGEMESH_ADMIN_TOKEN)" : ""));
        out.println("  health:       " + base + "/health");
        out.println("  data:         " + edge.dataDir().map(Path::toString).orElse("in memory (nothing kept after exit)"));
        long missing = edge.functionStatus().values().stream().filter(s -> !s.equals("loaded")).count();
        if (missing > 0) {
            out.println("  functions:    " + (edge.functionStatus().size() - missing) + " of " + edge.functionStatus().size()
                    + " loaded; the others are listed in /health");
        }
        out.println("  Ctrl-C stops everything.");
        out.flush();
    }

    public static Options parse(String[] args) {
        int port = LocalEdgeConfig.DEFAULT_PORT;
        Path data = null;
        boolean inMemory = false;
        Path root = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> {
                    String v = value(args, ++i, a);
                    try {
                        port = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw usageError("--port needs a number, got '" + v + "'");
                    }
                    if (port < 1 || port > 65_535) throw usageError("--port must be 1-65535, got " + port);
                }
                case "--data" -> data = Path.of(value(args, ++i, a));
                case "--in-memory" -> inMemory = true;
                case "--root" -> root = Path.of(value(args, ++i, a));
                case "-h", "--help" -> throw usageError("help");
                default -> throw usageError("unknown option '" + a + "'");
            }
        }
        if (inMemory && data != null) throw usageError("--data and --in-memory exclude each other");
        if (root == null) root = Path.of("").toAbsolutePath();
        return new Options(port, data == null ? null : data.toAbsolutePath().normalize(), inMemory,
                root.toAbsolutePath().normalize());
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) throw usageError(flag + " needs a value");
        return args[i];
    }

    private static StartupException usageError(String message) {
        return new StartupException(Reason.USAGE, message);
    }

    static String usage() {
        return "usage: ./edgemesh dev [--port N] [--data DIR | --in-memory]\n"
                + "  --port N       HTTP port on 127.0.0.1 (default 8787)\n"
                + "  --data DIR     state folder, kept across restarts (default .edgemesh/)\n"
                + "  --in-memory    keep nothing after exit\n"
                + "  EDGEMESH_ADMIN_TOKEN fixes the admin token (generated and kept otherwise)";
    }
}
