package com.wabilling.conversations;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

import com.wabilling.messages.Buckets;
import com.wabilling.messages.ExportedMessage;
import com.wabilling.periods.Period;
import com.wabilling.periods.ScopeMode;
import com.wabilling.permessage.PricedMessageDao;
import com.wabilling.pricing.ConversationCategory;
import com.wabilling.support.jdbc.SqlStatements;

/**
 * Streams one partition's scopes in scope order: the partition's sorted runs ({@link MessageSort})
 * merged into one sequence, and the conversations still open at the start, grouped by scope, one
 * scope in memory at a time. For restart it saves the last scope handed out and how many messages it
 * had read up to it; on open it skips through that scope and refuses when the messages before it are
 * not the same number any more (messages imported or removed since the failure: the committed
 * conversations would not match).
 */
public class ScopeHistoryReader extends ItemStreamSupport implements ItemStreamReader<ScopeHistory> {

    private static final SqlStatements SQL = SqlStatements.load("db/conversations.sql");
    private static final String LAST_SCOPE_KEY = "scope.last";
    private static final String MESSAGES_KEY = "scope.messages";

    private final Path sorted;
    private final DataSource dataSource;
    private final Period period;
    private final int firstBucket;
    private final int lastBucket;

    private final List<Run> runs = new ArrayList<>();
    private PriorityQueue<Run> next;
    private List<Conversation> carried;
    private int carriedAt;
    private Map<Scope, Instant> entryPoints;
    private Scope last;
    private long messagesRead;

    /**
     * {@code sorted}: the directory of the period's {@link MessageSort}; {@code firstBucket} to {@code lastBucket}:
     * the customer buckets of this partition ({@link BucketPartitioner}).
     */
    public ScopeHistoryReader(Path sorted, DataSource dataSource, Period period, int firstBucket, int lastBucket) {
        setName("scopes");
        this.sorted = sorted;
        this.dataSource = dataSource;
        this.period = period;
        this.firstBucket = firstBucket;
        this.lastBucket = lastBucket;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            carried = carriedConversations();
            carriedAt = 0;
            entryPoints = carriedEntryPoints();
            next = new PriorityQueue<>(Comparator.comparing((Run r) -> r.head, ScopedMessage.ORDER));
            for (Path file : MessageSort.runsOf(sorted, firstBucket, lastBucket)) {
                Run run = new Run(file, period.mode());
                runs.add(run);
                if (run.advance()) {
                    next.add(run);
                }
            }
            last = null;
            messagesRead = 0;
            if (context.containsKey(getExecutionContextKey(LAST_SCOPE_KEY))) {
                skipThrough(context);
            }
        } catch (SQLException | IOException e) {
            throw new ItemStreamException("cannot read messages for " + period.fileStem(), e);
        }
    }

    /** Skips the scopes the failed execution committed, checking that their messages did not change. */
    private void skipThrough(ExecutionContext context) throws IOException {
        String[] key = context.getString(getExecutionContextKey(LAST_SCOPE_KEY)).split("\\|", -1);
        Scope committed = new Scope(key[0], key[1], key[2]);
        long committedMessages = context.getLong(getExecutionContextKey(MESSAGES_KEY));
        ScopeHistory scope;
        do {
            scope = nextScope();
        } while (scope != null && !scope.scope().equals(committed) && messagesRead <= committedMessages);
        if (scope == null || messagesRead != committedMessages) {
            throw new ItemStreamException("the messages of " + period.fileStem() + " changed since the failed"
                    + " execution built part of its conversations (" + committedMessages + " messages up to its last"
                    + " commit, now " + messagesRead + "); resuming would mix old and new messages."
                    + " Rebuild the period from the start: add rerun=<new value> to the same reconstruct command");
        }
    }

    @Override
    public ScopeHistory read() {
        try {
            return nextScope();
        } catch (IOException e) {
            throw new ItemStreamException("cannot read messages for " + period.fileStem(), e);
        }
    }

    private ScopeHistory nextScope() throws IOException {
        if (next.isEmpty()) {
            return null;
        }
        Scope scope = next.peek().head.scope();
        List<ExportedMessage> history = new ArrayList<>();
        while (!next.isEmpty() && next.peek().head.scope().equals(scope)) {
            Run run = next.poll();
            history.add(run.head.message());
            if (run.advance()) {
                next.add(run);
            }
        }
        while (carriedAt < carried.size() && carried.get(carriedAt).scope().compareTo(scope) < 0) {
            carriedAt++; // a scope with open conversations but no messages now
        }
        List<Conversation> open = new ArrayList<>();
        while (carriedAt < carried.size() && carried.get(carriedAt).scope().equals(scope)) {
            open.add(carried.get(carriedAt++));
        }
        last = scope;
        messagesRead += history.size();
        return new ScopeHistory(scope, Buckets.of(scope.customerWaId()), open, entryPoints.get(scope), history);
    }

    /**
     * Per-message free entry point windows (72 h) still open at the start, by scope: when each opened
     * (docs/per-message-pricing.md 2 rule 1). A scope has at most one: a window never opens inside another.
     */
    private Map<Scope, Instant> carriedEntryPoints() throws SQLException {
        Map<Scope, Instant> result = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            PricedMessageDao.forEachCarriedEntryPoint(connection, period, firstBucket, lastBucket + 1, e -> {
                Scope scope = Scope.of(period.mode(), e.wabaId(), e.phoneNumberId().strip(), e.customerWaId());
                result.merge(scope, e.openedAt(), (a, b) -> a.isAfter(b) ? a : b);
            });
        }
        return result;
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    /** The partition's conversations still open at the start, in scope order, then by opening time. */
    private List<Conversation> carriedConversations() throws SQLException {
        List<Conversation> result = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SQL.get("carried-conversations"))) {
            bind(statement, period.mode().parameter(), period.carriedFrom().toEpochMilli(),
                period.from().toEpochMilli(), period.from().toEpochMilli(), firstBucket, lastBucket + 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String phone = rs.getString(2);
                    Scope scope = new Scope(rs.getString(1), phone == null ? "" : phone.strip(), rs.getString(3));
                    result.add(new Conversation(rs.getString(4), scope, ConversationCategory.valueOf(rs.getString(5)),
                            Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8),
                            rs.getInt(9)));
                }
            }
        }
        result.sort(Comparator.comparing(Conversation::scope).thenComparing(Conversation::openedAt)
                .thenComparing(Conversation::id));
        return result;
    }

    @Override
    public void update(ExecutionContext context) {
        if (last != null) {
            context.putString(getExecutionContextKey(LAST_SCOPE_KEY),
                    last.wabaId() + "|" + last.phoneNumberId() + "|" + last.customerWaId());
            context.putLong(getExecutionContextKey(MESSAGES_KEY), messagesRead);
        }
    }

    @Override
    public void close() {
        IOException failure = null;
        for (Run run : runs) {
            try {
                run.in.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        runs.clear();
        if (failure != null) {
            throw new ItemStreamException("cannot close the sorted messages", failure);
        }
    }

    /** One sorted run file and the row at its head. */
    private static final class Run {
        private final DataInputStream in;
        private int left;
        private final ScopeMode mode;
        private ScopedMessage head;

        Run(Path file, ScopeMode mode) throws IOException {
            this.mode = mode;
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            left = in.readInt();
        }

        boolean advance() throws IOException {
            if (left == 0) {
                head = null;
                return false;
            }
            left--;
            head = ScopedMessage.read(in, mode);
            return true;
        }
    }
}
