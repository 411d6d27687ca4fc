package io.edgemesh.common.log;

import io.edgemesh.common.FunctionConfig;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Entry point of the structured logger. Lines go to stdout (Lambda ships stdout to CloudWatch Logs)
 * unless a test installs another output. No logging framework: one JSON line per call, written
 * whole, so lines from concurrent threads never interleave.
 */
public final class Log {
    /** Environment variable for the minimum level ({@code DEBUG|INFO|WARN|ERROR}). */
    public static final String ENV_LEVEL = "EDGEMESH_LOG_LEVEL";

    private static final ConcurrentHashMap<String, Logger> LOGGERS = new ConcurrentHashMap<>();
    private static final PrintStream STDOUT =
            new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private static final Consumer<String> DEFAULT_OUTPUT = line -> {
        synchronized (STDOUT) {
            STDOUT.println(line);
        }
    };
    private static volatile Consumer<String> output = DEFAULT_OUTPUT;
    private static volatile Level level = Level.INFO;

    private Log() { }

    public static Logger get(Class<?> type) { return get(type.getName()); }

    public static Logger get(String name) { return LOGGERS.computeIfAbsent(name, Logger::new); }

    public static Level level() { return level; }

    public static void setLevel(Level newLevel) { level = newLevel; }

    /** Applies {@value #ENV_LEVEL} from the config; an unknown value keeps the level and says so. */
    public static void configure(FunctionConfig config) {
        config.get(ENV_LEVEL).ifPresent(v -> {
            try {
                setLevel(Level.valueOf(v.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                get(Log.class).warn("unknown log level, keeping " + level, "value", v);
            }
        });
    }

    /** Replaces where lines go (tests); returns the previous output so it can be restored. */
    public static Consumer<String> setOutput(Consumer<String> newOutput) {
        Consumer<String> previous = output;
        output = newOutput == null ? DEFAULT_OUTPUT : newOutput;
        return previous;
    }

    /** Writes one already formatted line (the metrics writer shares the output). */
    public static void emit(String line) { output.accept(line); }
}
