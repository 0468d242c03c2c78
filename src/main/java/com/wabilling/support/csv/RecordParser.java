package com.wabilling.support.csv;

import java.util.ArrayList;

/**
 * Splits the text of one record into fields by RFC 4180, a physical line at a time: a field that
 * starts with a quote runs to the next lone quote ({@code ""} is a quote inside it) and may hold
 * line breaks; a quote anywhere else is an ordinary character. After a line, the record is complete,
 * still inside a quoted field (the next line continues it), or broken: a closing quote followed by
 * something other than a comma.
 */
final class RecordParser {

    enum State { DONE, OPEN, BROKEN }

    private final ArrayList<String> values = new ArrayList<>();
    private final StringBuilder quoted = new StringBuilder();
    private boolean inQuote;
    private String problem;

    void reset() {
        values.clear();
        quoted.setLength(0);
        inQuote = false;
        problem = null;
    }

    /** Continues an open quoted field on the next line: the line break is part of the field. */
    State feed(String lineBreak, String line) {
        quoted.append(lineBreak);
        return feed(line);
    }

    /** Parses one physical line (the first of a record, or the next one while a quoted field is open). */
    State feed(String line) {
        int n = line.length();
        int i = 0;
        if (n == 0 && !inQuote) {
            values.add("");
            return State.DONE;
        }
        while (true) {
            if (inQuote) {
                int q = line.indexOf('"', i);
                if (q < 0) {
                    quoted.append(line, i, n);
                    return State.OPEN;
                }
                quoted.append(line, i, q);
                if (q + 1 < n && line.charAt(q + 1) == '"') {
                    quoted.append('"');
                    i = q + 2;
                    continue;
                }
                inQuote = false;
                values.add(quoted.toString());
                i = q + 1;
                if (i == n) {
                    return State.DONE;
                }
                if (line.charAt(i) != ',') {
                    problem = "the quote that closes field " + values.size() + " is followed by '" + line.charAt(i)
                            + "', not a comma: a quoted field must be quoted whole, with any quote inside it doubled";
                    values.add(line.substring(i));
                    return State.BROKEN;
                }
                i++;
                if (i == n) {
                    values.add("");
                    return State.DONE;
                }
            } else if (line.charAt(i) == '"') {
                inQuote = true;
                quoted.setLength(0);
                i++;
            } else {
                int comma = line.indexOf(',', i);
                if (comma < 0) {
                    values.add(line.substring(i));
                    return State.DONE;
                }
                values.add(line.substring(i, comma));
                i = comma + 1;
                if (i == n) {
                    values.add("");
                    return State.DONE;
                }
            }
        }
    }

    /** The fields so far; while a quoted field is open, its text so far is the last. */
    String[] values() {
        String[] result = values.toArray(new String[values.size() + (inQuote ? 1 : 0)]);
        if (inQuote) {
            result[values.size()] = quoted.toString();
        }
        return result;
    }

    /** Number of the field whose quote is open (1-based). */
    int openField() {
        return values.size() + 1;
    }

    int size() {
        return values.size();
    }

    String problem() {
        return problem;
    }
}
