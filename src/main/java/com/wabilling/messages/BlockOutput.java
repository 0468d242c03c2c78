package com.wabilling.messages;

import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A block's bytes written as {@link DataOutput} into one growing array, byte for byte what a
 * DataOutputStream writes: a string of ASCII characters (ids, numbers, codes) is copied as it is, any
 * other goes through {@link DataOutputStream#writeUTF}. The stream over a ByteArrayOutputStream that
 * this replaces copied each string twice and the block on every growth.
 */
final class BlockOutput extends OutputStream implements DataOutput {

    /** The longest string writeUTF takes is 65,535 bytes; an ASCII string of at most this is one. */
    private static final int MAX_UTF = 65_535;

    private byte[] bytes;
    private int size;
    private DataOutputStream general;

    BlockOutput(int expected) {
        bytes = new byte[Math.max(expected, 64)];
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (more > bytes.length - size) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    @Override
    public void writeUTF(String value) throws IOException {
        int length = value.length();
        if (length <= MAX_UTF) {
            ensure(2 + length);
            int at = size + 2;
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (c == 0 || c >= 0x80) {
                    general().writeUTF(value); // written from size on: the bytes copied so far are overwritten
                    return;
                }
                bytes[at++] = (byte) c;
            }
            bytes[size] = (byte) (length >>> 8);
            bytes[size + 1] = (byte) length;
            size = at;
            return;
        }
        general().writeUTF(value); // too long: DataOutputStream refuses it as it always did
    }

    private DataOutputStream general() {
        if (general == null) {
            general = new DataOutputStream(this);
        }
        return general;
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        ensure(2);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        ensure(4);
        bytes[size++] = (byte) (v >>> 24);
        bytes[size++] = (byte) (v >>> 16);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    @Override
    public void writeLong(long v) {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            write(s.charAt(i));
        }
    }

    @Override
    public void writeChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            writeChar(s.charAt(i));
        }
    }
}
