package io.edgemesh.emulator.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.shared.access.sqlite.SQLiteLibraryLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Runs DynamoDB Local in this (child) JVM on loopback.
 *
 * <p>Usage: {@code Main --port <p> [--data <dir>]}; port 0 picks a free port. Prints exactly one line
 * {@code EMULATOR READY port=<p>} (or {@code EMULATOR FAILED ...}) on stdout; every other output goes
 * to stderr. Ignores SIGINT; exits when stdin reaches end of file, so the child dies with its parent even when the
 * parent is killed with SIGKILL, and stops cleanly on SIGTERM.
 */
public final class Main {

    private Main() { }

    public static void main(String[] args) throws Exception {
        // The launcher reads stdout for the READY line only; libraries that print must not mix in.
        PrintStream control = System.out;
        System.setOut(System.err);
        // Ctrl-C in a terminal signals the whole process group: the parent must be able to drain its
        // work against this server before it closes our stdin, so only the parent's decision stops us.
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> { });
        int port = 0;
        Path data = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--data" -> data = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        DynamoDBProxyServer server;
        ServerConnector connector;
        try {
            // -sharedDb: one database whatever access key and region a client signs with (the
            // functions and the tests use different credentials providers); telemetry off, or
            // DynamoDB Local calls Cognito and Pinpoint on the internet.
            List<String> cli = new ArrayList<>(List.of("-port", "8000", "-sharedDb", "-disableTelemetry"));
            if (data == null) {
                cli.add("-inMemory");
            } else {
                Files.createDirectories(data);
                cli.add("-dbPath");
                cli.add(data.toString());
            }
            // The server path leaves sqlite4java to find its natives on java.library.path or
            // sqlite4java.library.path; DynamoDB Local's own loader (what its embedded mode uses)
            // extracts the right one for this OS and CPU (aarch64 included) from its jar instead.
            SQLiteLibraryLoader.initialize();
            server = ServerRunner.createServerFromCommandLineArgs(cli.toArray(String[]::new));
            // DynamoDB Local binds every interface and rejects port 0 on its command line; its Jetty
            // connector is reachable, so bind loopback only and let the OS pick when asked (no race).
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            Server jetty = (Server) field.get(server);
            connector = (ServerConnector) jetty.getConnectors()[0];
            connector.setHost("127.0.0.1");
            connector.setPort(port);
            server.start();
        } catch (Exception e) {
            e.printStackTrace();
            control.println(failure(e, port));
            control.flush();
            System.exit(2);
            return;
        }
        DynamoDBProxyServer running = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(running), "dynamodb-stop"));
        control.println("EMULATOR READY port=" + connector.getLocalPort());
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

    private static void stopQuietly(DynamoDBProxyServer server) {
        try {
            server.stop();
        } catch (Exception e) {
            e.printStackTrace();
        }
    }
}
