package com.wabilling.support.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The logical records of a CSV text, with bounds that keep one bad line from costing more than itself
 * (docs/formats.md, limits). A record is one physical line, unless a quoted field holds line breaks:
 * then the next lines are joined while the field is open, up to {@link #MAX_RECORD_LINES} lines and
 * {@link #MAX_RECORD_CHARS} characters. When the join ends in a well-formed record of the header's
 * width, that is the record; otherwise (no closing quote within the bounds or before the end of the
 * file, a closing quote followed by text, another width) the quote was a stray one: the first line
 * alone is rejected as "unterminated quote" and reading goes on with the line after it. Empty lines
 * are skipped. The result depends only on the text, so record numbers are stable across restarts.
 */
final class CsvRecords {

    /** A record's characters, its line breaks included: a messages row is ~200, a template a few KiB. */
    static final int MAX_RECORD_CHARS = 65_536;
    /** Physical lines one record may span (a template body with line breaks spans a few dozen). */
    static final int MAX_RECORD_LINES = 500;
    /** Columns of a header: exports have about 15. */
    static final int MAX_COLUMNS = 200;
    /** The text of a rejected overlong line kept for the rejects file. */
    private static final int KEPT_OF_OVERLONG = 1_000;

    /** One record: its fields, or why it is malformed (with what could be split, for the rejects file). */
    record Record(String[] values, String malformed, long firstLine, long lastLine, long position) {
    }

    private final PhysicalLines lines;
    private final ArrayDeque<PhysicalLines.Line> pushedBack = new ArrayDeque<>();
    private final RecordParser parser = new RecordParser();
    private int columns = -1;

    CsvRecords(Reader in) {
        lines = new PhysicalLines(in, MAX_RECORD_CHARS);
    }

    /** From now on a joined record must have this many fields (the header's); before, any number. */
    void expectColumns(int columns) {
        this.columns = columns;
    }

    /** The physical line where reading is (lines returned so far, pushed-back ones not counted). */
    long linesRead() {
        return lines.number() - pushedBack.size();
    }

    /** The next record, or null at the end of the text. */
    Record next() throws IOException {
        PhysicalLines.Line first = line();
        while (first != null && first.length() == 0) {
            first = line();
        }
        if (first == null) {
            return null;
        }
        if (first.cut()) {
            return new Record(new String[] {first.text().substring(0, KEPT_OF_OVERLONG) + "..."},
                    "record longer than " + MAX_RECORD_CHARS + " characters (line " + first.number() + " has "
                            + first.length() + "): rejected unread", first.number(), first.number(), first.position());
        }
        parser.reset();
        RecordParser.State state = parser.feed(first.text());
        if (state != RecordParser.State.OPEN) {
            return record(first, first, state);
        }
        String[] alone = parser.values();
        int openField = parser.openField();
        List<PhysicalLines.Line> joined = new ArrayList<>();
        PhysicalLines.Line last = first;
        long chars = first.length();
        while (true) {
            PhysicalLines.Line next = line();
            if (next == null) {
                break;
            }
            joined.add(next);
            chars += last.lineBreak().length() + next.length();
            if (next.cut() || chars > MAX_RECORD_CHARS || joined.size() + 1 > MAX_RECORD_LINES) {
                break;
            }
            state = parser.feed(last.lineBreak(), next.text());
            last = next;
            if (state == RecordParser.State.DONE && (columns < 0 || parser.size() == columns)) {
                return record(first, next, state);
            }
            if (state != RecordParser.State.OPEN) {
                break;
            }
        }
        for (int i = joined.size() - 1; i >= 0; i--) {
            pushedBack.addFirst(joined.get(i));
        }
        return new Record(alone, "unterminated quote: field " + openField + " opens a quote that does not close on"
                + " line " + first.number() + ", and no well-formed record ends within the next lines (at most "
                + MAX_RECORD_LINES + " lines, " + MAX_RECORD_CHARS + " characters): this line alone is rejected",
                first.number(), first.number(), first.position());
    }

    private Record record(PhysicalLines.Line first, PhysicalLines.Line last, RecordParser.State state) {
        String malformed = state == RecordParser.State.BROKEN ? "broken quoting: " + parser.problem() : null;
        return new Record(parser.values(), malformed, first.number(), last.number(), first.position());
    }

    private PhysicalLines.Line line() throws IOException {
        return pushedBack.isEmpty() ? lines.next() : pushedBack.removeFirst();
    }
}
