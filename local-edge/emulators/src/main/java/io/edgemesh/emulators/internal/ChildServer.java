package io.edgemesh.emulators.internal;

import io.edgemesh.emulators.EmulatorException;
import io.edgemesh.emulators.EmulatorException.Reason;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One emulator running in a child JVM. The child prints {@code EMULATOR READY port=<p>} on stdout
 * once it answers, and exits when its stdin closes: we hold that pipe open for the child's whole
 * life, so the child dies with this JVM however this JVM ends (even SIGKILL).
 */
public final class ChildServer implements AutoCloseable {

    /** The three emulators: module id (package and resource names) and child heap. */
    public enum Kind {
        DYNAMODB("dynamodb", "DynamoDB Local", 768),
        SQS("sqs", "ElasticMQ (SQS)", 192),
        S3("s3", "S3Proxy", 192);

        private final String id;
        private final String label;
        private final int heapMb;

        Kind(String id, String label, int heapMb) {
            this.id = id;
            this.label = label;
            this.heapMb = heapMb;
        }

        public String id() { return id; }

        public String label() { return label; }

        String mainClass() { return "io.edgemesh.emulator." + id + ".Main"; }

        String classpathResource() { return "io/edgemesh/emulator/" + id + "/classpath.txt"; }
    }

    private static final Pattern READY = Pattern.compile("EMULATOR READY port=(\\d+)");
    private static final Pattern PORT_IN_USE = Pattern.compile("EMULATOR FAILED port-in-use port=(\\d+)");

    private final Kind kind;
    private final Process process;
    private final Path logFile;
    private final int requestedPort;
    private final CompletableFuture<String> control = new CompletableFuture<>();
    private volatile int port;

    private ChildServer(Kind kind, Process process, Path logFile, int requestedPort) {
        this.kind = kind;
        this.process = process;
        this.logFile = logFile;
        this.requestedPort = requestedPort;
        Thread reader = new Thread(this::readStdout, "emulator-" + kind.id + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the child process; returns at once, {@link #awaitReady} waits for the handshake. */
    public static ChildServer launch(Kind kind, int port, Path dataDir, Path logDir, Map<String, String> env) {
        List<String> classpath = classpath(kind);
        Path logFile = logDir.resolve(kind.id + ".log");
        List<String> command = new ArrayList<>(List.of(javaBinary(),
                "-Xmx" + kind.heapMb + "m", "-Xss512k",
                // emulators are short-lived helpers: C1 only and the serial collector start fastest
                // and leave the cores to the code under test
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData",
                "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED",
                "-Djava.awt.headless=true",
                "-cp", String.join(File.pathSeparator, classpath),
                kind.mainClass(), "--port", Integer.toString(port)));
        if (dataDir != null) {
            command.add("--data");
            command.add(dataDir.toString());
        }
        try {
            Files.writeString(logFile, "==== " + Instant.now() + " starting " + kind.label + " (port "
                    + (port == 0 ? "free" : port) + ", " + (dataDir == null ? "in memory" : "data " + dataDir) + ")\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(logDir.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.PIPE)
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            // agents or options meant for this JVM (IDE, coverage) must not slow down or break the child
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().remove("JDK_JAVA_OPTIONS");
            builder.environment().remove("_JAVA_OPTIONS");
            builder.environment().putAll(env);
            return new ChildServer(kind, builder.start(), logFile, port);
        } catch (IOException e) {
            throw new EmulatorException(Reason.START_FAILED, "cannot start " + kind.label + ": " + e.getMessage(), e);
        }
    }

    /** Blocks until the child reports ready; on failure kills it and throws with the tail of its log. */
    public int awaitReady(Duration timeout) {
        String line;
        try {
            line = control.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            close();
            throw new EmulatorException(Reason.START_FAILED, kind.label + " did not become ready within "
                    + timeout.toSeconds() + " s" + logTail());
        } catch (ExecutionException e) {
            close();
            throw new EmulatorException(Reason.START_FAILED, kind.label + " exited before it was ready (exit code "
                    + exitCode() + ")" + logTail(), e.getCause());
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new EmulatorException(Reason.START_FAILED, "interrupted while starting " + kind.label);
        }
        Matcher ready = READY.matcher(line);
        if (ready.matches()) {
            port = Integer.parseInt(ready.group(1));
            return port;
        }
        close();
        Matcher inUse = PORT_IN_USE.matcher(line);
        if (inUse.matches()) {
            throw new EmulatorException(Reason.PORT_IN_USE, "port " + requestedPort + " (wanted for " + kind.label
                    + ") is already in use on 127.0.0.1: stop the process using it or choose another port");
        }
        throw new EmulatorException(Reason.START_FAILED, kind.label + " failed to start: "
                + line.substring("EMULATOR FAILED ".length()) + logTail());
    }

    public Kind kind() { return kind; }

    public int port() { return port; }

    public long pid() { return process.pid(); }

    public Path logFile() { return logFile; }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** True when the process lives and its HTTP port answers (any status counts as an answer). */
    public boolean answering(Duration timeout) {
        if (!process.isAlive() || port == 0) {
            return false;
        }
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) endpoint().resolve("/").toURL().openConnection();
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            return connection.getResponseCode() > 0;
        } catch (IOException e) {
            return false;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    /** Asks the child to stop (closes its stdin) without waiting. */
    public void requestStop() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed: the child sees end of file either way
        }
    }

    /** Stops the child: end of input first (clean shutdown), then SIGTERM, then SIGKILL. */
    @Override
    public void close() {
        requestStop();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void readStdout() {
        try (InputStream in = process.getInputStream();
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            OutputStream log = null;
            try {
                while ((line = reader.readLine()) != null) {
                    if (!control.isDone() && line.startsWith("EMULATOR ")) {
                        control.complete(line.strip());
                        continue;
                    }
                    // whatever a library prints on stdout is kept with the child's stderr
                    if (log == null) {
                        log = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                    log.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    log.flush();
                }
            } finally {
                if (log != null) {
                    log.close();
                }
            }
        } catch (IOException e) {
            // the pipe broke: the child is gone
        } finally {
            control.completeExceptionally(new IllegalStateException(kind.label + " closed its output"));
        }
    }

    private String exitCode() {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
            return process.isAlive() ? "still running" : Integer.toString(process.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 25), lines.size());
            return "\n--- last lines of " + logFile + " ---\n" + String.join("\n", tail);
        } catch (IOException | UncheckedIOException e) {
            return " (log " + logFile + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .filter(c -> Files.isExecutable(Path.of(c)))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The emulator module's own classes (jar or folder) followed by its build-time runtime classpath. */
    static List<String> classpath(Kind kind) {
        URL url = ChildServer.class.getClassLoader().getResource(kind.classpathResource());
        if (url == null) {
            throw new EmulatorException(Reason.NOT_BUILT, "emulator-" + kind.id + " is not on the classpath ("
                    + kind.classpathResource() + " missing): build it with ./mvnw install -pl local-edge/emulator-" + kind.id);
        }
        List<String> entries = new ArrayList<>();
        String content;
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection jar = (JarURLConnection) url.openConnection();
                jar.setUseCaches(false);
                entries.add(Path.of(jar.getJarFileURL().toURI()).toString());
                try (InputStream in = jar.getInputStream()) {
                    content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } else {
                Path resource = Path.of(url.toURI());
                Path root = resource;
                for (int i = 0; i < kind.classpathResource().split("/").length; i++) {
                    root = root.getParent();
                }
                entries.add(root.toString());
                content = Files.readString(resource, StandardCharsets.UTF_8);
            }
        } catch (IOException | URISyntaxException e) {
            throw new EmulatorException(Reason.NOT_BUILT, "cannot read " + url + ": " + e.getMessage(), e);
        }
        Arrays.stream(content.strip().split(File.pathSeparator)).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(entries::add);
        for (String entry : entries) {
            if (!Files.exists(Path.of(entry))) {
                throw new EmulatorException(Reason.NOT_BUILT, "emulator-" + kind.id + " needs " + entry
                        + ", which is missing: run ./mvnw install -pl local-edge/emulator-" + kind.id);
            }
        }
        return entries;
    }
}
