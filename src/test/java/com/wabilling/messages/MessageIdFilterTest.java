package com.wabilling.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The import's in-memory filter never misses a stored id, and rarely says "maybe" for a new one. */
class MessageIdFilterTest {

    @Test
    void everyIdAddedIsFoundAcrossGrowth() {
        MessageIdFilter filter = new MessageIdFilter(0); // grows from its smallest size
        IntStream.range(0, 300_000).forEach(i -> filter.add("wamid.HBgL" + i));

        assertThat(IntStream.range(0, 300_000).allMatch(i -> filter.mightContain("wamid.HBgL" + i))).isTrue();
        assertThat(filter.size()).isEqualTo(300_000);
    }

    @Test
    void idsNeverAddedAreAlmostNeverMaybe() {
        MessageIdFilter filter = new MessageIdFilter(100_000);
        IntStream.range(0, 100_000).forEach(i -> filter.add("wamid.A" + i));

        long maybes = IntStream.range(0, 100_000).filter(i -> filter.mightContain("wamid.B" + i)).count();

        assertThat(maybes).isLessThan(5); // 64-bit hashes: a collision is a lookup, not a wrong answer
    }

    @Test
    void addingAnIdTwiceKeepsOneEntry() {
        MessageIdFilter filter = new MessageIdFilter(10);
        filter.add("x");
        filter.add("x");

        assertThat(filter.size()).isEqualTo(1);
        assertThat(filter.mightContain("y")).isFalse();
    }
}
