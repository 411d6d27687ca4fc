package io.edgemesh.emulator.sqs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.elasticmq.server.ElasticMQServer;
import org.elasticmq.server.config.ElasticMQServerConfig;
import scala.Function0;

/**
 * Runs ElasticMQ (the SQS API) in this (child) JVM on loopback.
 *
 * <p>Usage: {@code Main --port <p> [--data <dir>]}; port 0 picks a free port. With a data folder,
 * queues (with their attributes) and messages (with receive counts and visibility) are kept in an H2
 * database there through ElasticMQ's {@code messages-storage}, so they survive a restart.
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
        Function0<?> stop;
        int actual = port;
        try {
            if (actual == 0) {
                // ElasticMQServer does not report the port it bound, and queue URLs must carry it:
                // take a free one from the OS first (the window until bind is a few milliseconds).
                try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    actual = probe.getLocalPort();
                }
            } else {
                // ElasticMQ binds asynchronously and would only log a bind failure; and the socket
                // check below would then talk to whoever holds the port. Fail here, clearly.
                try (ServerSocket probe = new ServerSocket(actual, 1, InetAddress.getLoopbackAddress())) {
                    probe.setReuseAddress(true);
                }
            }
            Map<String, Object> settings = new HashMap<>();
            settings.put("node-address.protocol", "http");
            settings.put("node-address.host", "127.0.0.1");
            settings.put("node-address.port", actual);
            settings.put("node-address.context-path", "");
            settings.put("generate-node-address", false);
            settings.put("rest-sqs.enabled", true);
            settings.put("rest-sqs.bind-port", actual);
            settings.put("rest-sqs.bind-hostname", "127.0.0.1");
            settings.put("rest-sqs.sqs-limits", "strict");
            settings.put("rest-stats.enabled", false);
            settings.put("aws.region", "us-east-1");
            settings.put("aws.accountId", "000000000000");
            if (data != null) {
                Files.createDirectories(data);
                settings.put("messages-storage.enabled", true);
                // WRITE_DELAY=0: H2 otherwise commits to disk up to 500 ms late, and a kill -9 in that window
                // loses messages the SDK already saw acknowledged
                settings.put("messages-storage.uri", "jdbc:h2:" + data.toAbsolutePath().resolve("elasticmq") + ";WRITE_DELAY=0");
                settings.put("messages-storage.prune-data-on-init", false);
            }
            Config config = ConfigFactory.parseMap(settings).withFallback(ConfigFactory.load()).resolve();
            stop = new ElasticMQServer(new ElasticMQServerConfig(config)).start();
            awaitListening(actual);
        } catch (Exception e) {
            e.printStackTrace();
            control.println(failure(e, actual));
            control.flush();
            System.exit(2);
            return;
        }
        Function0<?> running = stop;
        Runtime.getRuntime().addShutdownHook(new Thread(running::apply, "sqs-stop"));
        control.println("EMULATOR READY port=" + actual);
        control.flush();
        awaitEndOfInput(System.in);
        System.exit(0);
    }

    /** ElasticMQServer binds asynchronously; READY must mean "answers", so wait for the socket. */
    private static void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ElasticMQ did not listen on port " + port, e);
                }
                Thread.sleep(10);
            }
        }
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
}
