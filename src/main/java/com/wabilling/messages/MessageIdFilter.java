package com.wabilling.messages;

/**
 * The message_ids stored so far, as 64-bit hashes in one open-addressing array: the
 * import asks it instead of the database. It never misses a stored id, and says "maybe" for an id
 * whose hash equals a stored one's: such a record is held and settled against the stored rows
 * once the files are read, so a hash collision costs a lookup, never a wrong answer. About 16
 * bytes per stored message at the load it keeps (3.7M messages: 64 MiB).
 */
final class MessageIdFilter {

    private static final int MIN_CAPACITY = 1 << 16;

    /** 0 marks an empty slot; a hash of 0 is stored as 1 (one more possible false "maybe"). */
    private long[] slots;
    private int size;

    MessageIdFilter(long expected) {
        int capacity = MIN_CAPACITY;
        while (capacity < expected * 2 && capacity < (1 << 30)) {
            capacity <<= 1;
        }
        slots = new long[capacity];
    }

    /** False when the id was certainly never added. */
    boolean mightContain(String messageId) {
        return mightContainHash(hash(messageId));
    }

    /** {@link #mightContain} of an id whose {@link #hash} the caller has (the import asks, then adds). */
    boolean mightContainHash(long hash) {
        int mask = slots.length - 1;
        for (int i = spread(hash) & mask; slots[i] != 0; i = (i + 1) & mask) {
            if (slots[i] == hash) {
                return true;
            }
        }
        return false;
    }

    void add(String messageId) {
        addHash(hash(messageId));
    }

    /** {@link #add} of an id by its {@link #hash}. */
    void addHash(long hash) {
        if (size * 2L >= slots.length) {
            grow();
        }
        if (insert(slots, hash)) {
            size++;
        }
    }

    int size() {
        return size;
    }

    private static boolean insert(long[] table, long hash) {
        int mask = table.length - 1;
        int i = spread(hash) & mask;
        while (table[i] != 0) {
            if (table[i] == hash) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = hash;
        return true;
    }

    private void grow() {
        long[] larger = new long[slots.length * 2];
        for (long hash : slots) {
            if (hash != 0) {
                insert(larger, hash);
            }
        }
        slots = larger;
    }

    private static int spread(long hash) {
        return (int) (hash ^ (hash >>> 32));
    }

    /** FNV-1a over the UTF-16 units, then MurmurHash3's finaliser for the high bits. */
    static long hash(String messageId) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < messageId.length(); i++) {
            h ^= messageId.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
