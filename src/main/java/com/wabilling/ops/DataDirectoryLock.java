package com.wabilling.ops;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on {@code <data-dir>/process.lock}, taken before the embedded database is
 * opened and held until the process ends. On a loaded machine a second launch was seen to open the
 * database while a job ran, most likely because the database's own lock file is kept alive by a
 * heartbeat that a stalled process can miss; the kernel's lock cannot go stale and is released
 * however the process ends.
 */
public final class DataDirectoryLock {

    private static FileChannel channel;
    private static FileLock lock;

    private DataDirectoryLock() {
    }

    /** Whether this process uses the embedded database (no PostgreSQL URL configured). */
    public static boolean applies() {
        String url = System.getenv("WA_BILLING_DB_URL");
        return url == null || url.isBlank();
    }

    /** Takes the lock for this process; false when another process holds it. */
    public static synchronized boolean tryAcquire(Path dataDir) {
        if (lock != null) {
            return true;
        }
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(dataDir.resolve("process.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                channel = null;
                return false;
            }
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock " + dataDir.resolve("process.lock") + ": " + e.getMessage(), e);
        }
    }
}
