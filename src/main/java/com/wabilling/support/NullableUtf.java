package com.wabilling.support;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** A string that may be null in the binary encodings (message blocks, sorted runs): a flag, then UTF. */
public final class NullableUtf {

    private NullableUtf() {
    }

    public static void write(DataOutput out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    public static String read(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
