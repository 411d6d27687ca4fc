package io.edgemesh.local.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Which (queue, object version) pairs already got their notification. In memory for an in-memory
 * edge; otherwise also an append-only file, forced to disk after each entry, so a restart neither
 * repeats nor skips a notification. A torn last line (crash mid-write) is ignored on load, which can
 * at worst deliver that one notification again: S3 itself promises at-least-once.
 */
public final class SeenObjects implements AutoCloseable {
    private final Set<String> seen = new HashSet<>();
    private final FileChannel file;

    private SeenObjects(FileChannel file) {
        this.file = file;
    }

    public static SeenObjects inMemory() {
        return new SeenObjects(null);
    }

    public static SeenObjects persistent(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        SeenObjects s = new SeenObjects(channel);
        String content = Files.readString(path, StandardCharsets.UTF_8);
        int end = content.lastIndexOf('\n');
        for (String line : content.substring(0, end + 1).split("\n")) {
            if (!line.isEmpty()) s.seen.add(line);
        }
        // drop a torn last line so the next entry starts on a line of its own
        long keep = content.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length;
        channel.truncate(keep);
        channel.position(keep);
        return s;
    }

    public synchronized boolean contains(String entry) {
        return seen.contains(entry);
    }

    public synchronized void record(String entry) throws IOException {
        if (entry.indexOf('\n') >= 0) throw new IllegalArgumentException("entries are single lines");
        if (!seen.add(entry) || file == null) return;
        file.write(ByteBuffer.wrap((entry + "\n").getBytes(StandardCharsets.UTF_8)));
        file.force(false);
    }

    public synchronized int size() {
        return seen.size();
    }

    @Override
    public synchronized void close() throws IOException {
        if (file != null) file.close();
    }
}
