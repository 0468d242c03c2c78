package com.wabilling.support.csv;

import java.io.IOException;
import java.io.Reader;

/**
 * The physical lines of decoded text, numbered from 1, each without its line break ({@code \n},
 * {@code \r\n} or a lone {@code \r}, the breaks RFC 4180 readers accept). A line is kept up to
 * {@code bound} characters; the rest of a longer one is read and dropped, so no input (a gigabyte
 * without a line break from a small gzip) can make one line fill the heap.
 */
final class PhysicalLines {

    /** One line: its text (cut at the bound when {@code cut}), its break ("" at the end of the text). */
    record Line(String text, String lineBreak, long number, long position, long length, boolean cut) {
    }

    private final Reader in;
    private final int bound;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder spill = new StringBuilder();
    private int pos;
    private int limit;
    private long before; // characters read before buffer[0]
    private long number;
    private boolean eof;

    PhysicalLines(Reader in, int bound) {
        this.in = in;
        this.bound = bound;
    }

    /** Lines returned so far. */
    long number() {
        return number;
    }

    /** The next line, or null at the end of the text. */
    Line next() throws IOException {
        long position = before + pos;
        spill.setLength(0);
        long length = 0;
        while (true) {
            if (pos == limit && !fill()) {
                if (length == 0) {
                    return null;
                }
                return new Line(spill.toString(), "", ++number, position, length, length > bound);
            }
            int start = pos;
            int i = start;
            while (i < limit && buffer[i] != '\n' && buffer[i] != '\r') {
                i++;
            }
            int n = i - start;
            if (i < limit && length == 0 && n <= bound) {
                // the common case: the whole line lies in the buffer
                String text = new String(buffer, start, n);
                pos = i;
                return new Line(text, lineBreak(), ++number, position, n, false);
            }
            int room = bound - spill.length();
            if (room > 0) {
                spill.append(buffer, start, Math.min(n, room));
            }
            length += n;
            pos = i;
            if (i < limit) {
                return new Line(spill.toString(), lineBreak(), ++number, position, length, length > bound);
            }
        }
    }

    /** Consumes the break at pos: \r\n counts as one. */
    private String lineBreak() throws IOException {
        char c = buffer[pos++];
        if (c == '\n') {
            return "\n";
        }
        if (pos == limit && !fill()) {
            return "\r";
        }
        if (buffer[pos] == '\n') {
            pos++;
            return "\r\n";
        }
        return "\r";
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        before += limit;
        pos = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit = n;
        return true;
    }
}
