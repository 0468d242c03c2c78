package com.wabilling.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Rows ordered by a time by the database keep that order; rows of one time come in Java's string order. */
class TieOrderTest {

    record Row(long at, String id) {
    }

    @Test
    void equalTimesAreReorderedByJavasStringOrderOnly() {
        List<Row> out = new ArrayList<>();
        TieOrder<Row> order = new TieOrder<>(Row::at, Comparator.comparing(Row::id), out::add);
        // as a linguistic collation returns them: lower case before upper case within one millisecond
        List.of(new Row(1, "wamid.b"), new Row(1, "wamid.B"), new Row(1, "wamid.a"), new Row(2, "wamid.z"),
                new Row(3, "wamid.c"), new Row(3, "wamid.C")).forEach(order);
        order.finish();

        assertThat(out).extracting(r -> r.at() + r.id()).containsExactly("1wamid.B", "1wamid.a", "1wamid.b",
                "2wamid.z", "3wamid.C", "3wamid.c");
    }
}
