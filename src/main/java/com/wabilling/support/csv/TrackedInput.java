package com.wabilling.support.csv;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A file's text (decompressed when it is gzip) that can tell how far into the file itself reading
 * got, for the message of a read that broke off: a truncated .csv.gz must never pass for a file read
 * to its end (docs/architecture.md, "Reading input files"). The failure is raised only once the text decoded
 * before it is used up, so every complete record before the break is read (a decoder drops what it
 * decoded in a call whose read fails).
 */
final class TrackedInput implements AutoCloseable {

    private final Counting raw;
    private final Gunzip gzip;
    private final Deferring stream;
    private final long size;

    private TrackedInput(Path file) throws IOException {
        size = Files.size(file);
        raw = new Counting(Files.newInputStream(file));
        InputStream opened;
        Gunzip unzipped = null;
        try {
            if (InputFiles.isGzip(file)) {
                unzipped = new Gunzip(raw);
                opened = unzipped;
            } else {
                opened = new BufferedInputStream(raw, 1 << 16);
            }
        } catch (IOException e) {
            raw.close();
            throw e;
        }
        gzip = unzipped;
        stream = new Deferring(opened);
    }

    static TrackedInput open(Path file) throws IOException {
        return new TrackedInput(file);
    }

    /** The text; at its end it throws the failure that ended it early, if any. */
    Reader reader(CharsetDecoder decoder) {
        return new FilterReader(new InputStreamReader(stream, decoder)) {
            @Override
            public int read() throws IOException {
                return failedAtEnd(super.read());
            }

            @Override
            public int read(char[] chars, int offset, int length) throws IOException {
                return failedAtEnd(super.read(chars, offset, length));
            }
        };
    }

    private int failedAtEnd(int n) throws IOException {
        if (n < 0 && stream.failure != null) {
            throw stream.failure;
        }
        return n;
    }

    /** Where reading broke, in the file's own bytes, and why. */
    String whereItBroke(IOException e) {
        long at = gzip == null ? raw.count : raw.count - gzip.buffered();
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return (gzip == null ? "reading failed" : "compressed file is truncated/corrupt") + " at byte " + at + " of "
                + size + " (" + (size - at) + " bytes left unread; " + cause + ")";
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }

    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** Ends the bytes where reading failed and keeps the failure for {@link #failedAtEnd}. */
    private static final class Deferring extends FilterInputStream {
        private IOException failure;

        Deferring(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (failure != null) {
                return -1;
            }
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                return -1;
            }
        }

        @Override
        public int available() throws IOException {
            return failure != null ? 0 : super.available();
        }
    }

    /** GZIPInputStream that tells how many compressed bytes it holds but has not inflated yet. */
    private static final class Gunzip extends GZIPInputStream {
        Gunzip(InputStream in) throws IOException {
            super(in, 1 << 16);
        }

        long buffered() {
            return inf.getRemaining();
        }
    }
}
