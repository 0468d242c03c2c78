package com.wabilling.support.rejects;

import java.util.Map;

import com.wabilling.support.TextTable;

/** The "read = accepted + rejected + duplicates" table every run prints, per input file. */
public final class CountsTable {

    private CountsTable() {
    }

    public static String render(Map<String, SourceCounts> counts) {
        TextTable table = new TextTable("input", "read", "accepted", "rejected", "duplicates");
        SourceCounts total = SourceCounts.ZERO;
        for (var entry : counts.entrySet()) {
            SourceCounts c = entry.getValue();
            table.row(entry.getKey(), c.read(), c.accepted(), c.rejected(), c.duplicates());
            total = total.plus(c);
        }
        if (counts.size() != 1) {
            table.row("total", total.read(), total.accepted(), total.rejected(), total.duplicates());
        }
        return table.render("  ");
    }
}
