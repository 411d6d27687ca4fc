package io.edgemesh.emulator.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * Runs S3Proxy in this (child) JVM on loopback, over the jclouds {@code filesystem} store (a folder)
 * or the {@code transient} store (memory).
 *
 * <p>Usage: {@code Main --port <p> [--data <dir>]}; port 0 picks a free port. The access key pair is
 * read from the environment ({@code EDGEMESH_S3_IDENTITY}, {@code EDGEMESH_S3_CREDENTIAL}) so it never
 * shows in a process listing, and every request (presigned URLs included) is verified against it.
 * Prints exactly one line {@code EMULATOR READY port=<p>} (or {@code EMULATOR FAILED ...}) on stdout;
 * ignores SIGINT (the parent decides), exits when stdin reaches end of file or on SIGTERM.
 */
public final class Main {

    private Main() { }

    public static void main(String[] args) throws Exception {
        PrintStream control = System.out;
        System.setOut(System.err);
        // Ctrl-C in a terminal signals the whole process group: the parent must be able to drain its
        // work against this server before it closes our stdin, so only the parent's decision stops us.
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> { });
        System.setProperty("logback.configurationFile", "io/edgemesh/emulator/logback-emulator.xml");
        int port = 0;
        Path data = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--data" -> data = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String identity = System.getenv().getOrDefault("EDGEMESH_S3_IDENTITY", "edgemesh");
        String credential = System.getenv().getOrDefault("EDGEMESH_S3_CREDENTIAL", "edgemesh-local-secret");
        S3Proxy proxy;
        try {
            Properties overrides = new Properties();
            String provider = "transient";
            if (data != null) {
                Files.createDirectories(data);
                provider = "filesystem";
                overrides.setProperty("jclouds.filesystem.basedir", data.toAbsolutePath().toString());
            }
            BlobStoreContext context = ContextBuilder.newBuilder(provider).overrides(overrides)
                    .build(BlobStoreContext.class);
            proxy = S3Proxy.builder()
                    .blobStore(context.getBlobStore())
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, identity, credential)
                    // the no-argument rules allow every origin, method and header: the demo page
                    // PUTs to presigned URLs from the browser
                    .corsRules(new CrossOriginResourceSharing())
                    .build();
            proxy.start();
            for (int i = 0; i < 500 && !"STARTED".equals(proxy.getState()); i++) {
                Thread.sleep(10);
            }
        } catch (Exception e) {
            e.printStackTrace();
            control.println(failure(e, port));
            control.flush();
            System.exit(2);
            return;
        }
        S3Proxy running = proxy;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(running), "s3-stop"));
        control.println("EMULATOR READY port=" + proxy.getPort());
        control.flush();
        awaitEndOfInput(System.in);
        System.exit(0);
    }

    static String failure(Throwable e, int port) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return "EMULATOR FAILED port-in-use port=" + port;
            }
        }
        return "EMULATOR FAILED " + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replace('\n', ' ');
    }

    private static void awaitEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent never writes; we only wait for the pipe to close
            }
        } catch (IOException e) {
            // a broken pipe means the parent is gone: exit like on end of file
        }
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            e.printStackTrace();
        }
    }
}
