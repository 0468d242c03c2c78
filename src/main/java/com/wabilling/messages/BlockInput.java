package com.wabilling.messages;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A stored block's bytes read as {@link DataInput}, without a stream per block: the import's repeat
 * filter and reconstruction decode every stored block, and DataInputStream's readUTF (a char array and
 * a copy per string) was most of that. A string of ASCII bytes (ids, numbers, codes) becomes a String
 * straight from the bytes; any other string is decoded by {@link DataInputStream#readUTF(DataInput)}, so
 * what is read is exactly what DataInputStream reads.
 */
final class BlockInput implements DataInput {

    private final byte[] data;
    private int pos;

    BlockInput(byte[] data) {
        this.data = data;
    }

    @Override
    public String readUTF() throws IOException {
        int start = pos;
        int length = readUnsignedShort();
        need(length);
        int end = pos + length;
        for (int i = pos; i < end; i++) {
            if (data[i] <= 0) { // NUL or beyond ASCII: modified UTF-8, decoded the general way
                pos = start;
                return DataInputStream.readUTF(this);
            }
        }
        String value = new String(data, pos, length, StandardCharsets.ISO_8859_1);
        pos = end;
        return value;
    }

    /** Passes over a string written by writeUTF. */
    void skipUTF() throws IOException {
        skip(readUnsignedShort());
    }

    /** Passes over a string that may be null ({@link com.wabilling.support.NullableUtf}). */
    void skipNullableUTF() throws IOException {
        if (readBoolean()) {
            skipUTF();
        }
    }

    void skip(int n) throws IOException {
        need(n);
        pos += n;
    }

    private void need(int n) throws EOFException {
        if (n > data.length - pos) {
            throw new EOFException();
        }
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        need(len);
        System.arraycopy(data, pos, b, off, len);
        pos += len;
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.max(0, Math.min(n, data.length - pos));
        pos += skipped;
        return skipped;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return readUnsignedByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        return (byte) readUnsignedByte();
    }

    @Override
    public int readUnsignedByte() throws IOException {
        need(1);
        return data[pos++] & 0xff;
    }

    @Override
    public short readShort() throws IOException {
        return (short) readUnsignedShort();
    }

    @Override
    public int readUnsignedShort() throws IOException {
        need(2);
        int value = (data[pos] & 0xff) << 8 | data[pos + 1] & 0xff;
        pos += 2;
        return value;
    }

    @Override
    public char readChar() throws IOException {
        return (char) readUnsignedShort();
    }

    @Override
    public int readInt() throws IOException {
        need(4);
        int value = (data[pos] & 0xff) << 24 | (data[pos + 1] & 0xff) << 16 | (data[pos + 2] & 0xff) << 8
                | data[pos + 3] & 0xff;
        pos += 4;
        return value;
    }

    @Override
    public long readLong() throws IOException {
        return (long) readInt() << 32 | readInt() & 0xffffffffL;
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    /**
     * As {@link DataInputStream#readLine()}: bytes up to {@code \n}, {@code \r} or {@code \r\n}, one char each;
     * null at the end. The codec never calls it; it is here so that this is a whole {@link DataInput}.
     */
    @Override
    public String readLine() {
        if (pos >= data.length) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        while (pos < data.length) {
            int c = data[pos++] & 0xff;
            if (c == '\n') {
                break;
            }
            if (c == '\r') {
                if (pos < data.length && data[pos] == '\n') {
                    pos++;
                }
                break;
            }
            line.append((char) c);
        }
        return line.toString();
    }
}
