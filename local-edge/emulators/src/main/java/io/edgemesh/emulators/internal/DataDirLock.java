package io.edgemesh.emulators.internal;

import io.edgemesh.emulators.EmulatorException;
import io.edgemesh.emulators.EmulatorException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code <data>/edgemesh.lock}: two instances writing one DynamoDB Local
 * database, H2 file and blob folder would corrupt them. The OS drops the lock when the process dies,
 * so a crash never leaves a stale lock behind; the file only records who held it last.
 */
public final class DataDirLock implements AutoCloseable {

    public static final String FILE_NAME = "edgemesh.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new EmulatorException(Reason.DATA_DIR_UNUSABLE, "cannot open lock file " + file + ": " + e, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very JVM: another Emulators instance on the same folder
        } catch (IOException e) {
            closeQuietly(channel);
            throw new EmulatorException(Reason.DATA_DIR_UNUSABLE, "cannot lock " + file + ": " + e, e);
        }
        if (lock == null) {
            String holder = holder(file);
            closeQuietly(channel);
            throw new EmulatorException(Reason.DATA_DIR_LOCKED, "data folder " + dataDir
                    + " is already used by another EdgeMesh instance" + holder
                    + ": stop it, or start with another data folder (or in memory)");
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid=" + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            // the record is informational; the lock is what protects the folder
        }
        return new DataDirLock(channel, lock);
    }

    private static String holder(Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8).strip();
            return content.startsWith("pid=") ? " (process " + content.substring(4) + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing useful to do
        }
    }
}
