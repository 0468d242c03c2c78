package com.wabilling.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Passes on rows a query returned ordered by a number (a time) then a text (an id), re-sorting each run
 * of equal numbers with Java's own string order: a database's collation may order text otherwise
 * (PostgreSQL under a linguistic locale), and which of two messages delivered in the same millisecond
 * comes first decides a free tier or a volume band. Call {@link #finish} after the last row.
 */
public final class TieOrder<T> implements Consumer<T> {

    private final ToLongFunction<T> number;
    private final Comparator<T> text;
    private final Consumer<T> downstream;
    private final List<T> run = new ArrayList<>();

    public TieOrder(ToLongFunction<T> number, Comparator<T> text, Consumer<T> downstream) {
        this.number = number;
        this.text = text;
        this.downstream = downstream;
    }

    @Override
    public void accept(T row) {
        if (!run.isEmpty() && number.applyAsLong(run.get(0)) != number.applyAsLong(row)) {
            finish();
        }
        run.add(row);
    }

    public void finish() {
        run.sort(text);
        run.forEach(downstream);
        run.clear();
    }
}
