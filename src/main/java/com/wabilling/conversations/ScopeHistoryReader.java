package com.wabilling.conversations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

import com.wabilling.messages.Buckets;
import com.wabilling.pricing.ConversationCategory;
import com.wabilling.support.jdbc.DatabaseSchema;
import com.wabilling.support.jdbc.SqlStatements;

/**
 * Streams one partition's scopes (a contiguous range of customer buckets) in scope order: two cursors (messages of the read window, and
 * conversations still open at the start) merged by scope, one scope in memory at a time. For
 * restart it saves the last scope handed out and how many messages it had read up to it; on open it
 * skips through that scope and refuses when the messages before it are not the same number any more
 * (messages imported or removed since the failure: the committed conversations would not match).
 */
public class ScopeHistoryReader extends ItemStreamSupport implements ItemStreamReader<ScopeHistory> {

    private static final SqlStatements SQL = SqlStatements.load("db/conversations.sql");
    private static final String LAST_SCOPE_KEY = "scope.last";
    private static final String MESSAGES_KEY = "scope.messages";
    private static final int FETCH_SIZE = 2000;

    private final DataSource dataSource;
    private final Period period;
    private final int grid;
    private final int partition;

    private Connection connection;
    private ResultSet messages;
    private ResultSet carried;
    private boolean messagesLeft;
    private boolean carriedLeft;
    private Scope last;
    private long messagesRead;

    public ScopeHistoryReader(DataSource dataSource, Period period, int grid, int partition) {
        setName("scopes");
        this.dataSource = dataSource;
        this.period = period;
        this.grid = grid;
        this.partition = partition;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            connection = dataSource.getConnection();
            boolean postgres = "postgresql".equals(DatabaseSchema.platform(connection));
            // PostgreSQL streams a cursor only inside a transaction; HSQLDB's MVCC manager was seen to make
            // the partition's writer wait behind a reader transaction left open, so there the reads commit
            connection.setAutoCommit(!postgres);
            String statement = period.mode() == ScopeMode.WABA ? "scope-messages-waba" : "scope-messages-phone-number";
            int firstBucket = Buckets.COUNT * partition / grid;
            int endBucket = Buckets.COUNT * (partition + 1) / grid;
            messages = query(SQL.get(statement), firstBucket, endBucket, period.readFrom().toEpochMilli(),
                    period.readTo().toEpochMilli());
            carried = query(SQL.get("carried-conversations"), period.mode().parameter(),
                    period.carriedFrom().toEpochMilli(), period.from().toEpochMilli(), period.from().toEpochMilli(),
                    firstBucket, endBucket);
            messagesLeft = messages.next();
            carriedLeft = carried.next();
            last = null;
            messagesRead = 0;
            if (context.containsKey(getExecutionContextKey(LAST_SCOPE_KEY))) {
                skipThrough(context);
            }
        } catch (SQLException e) {
            throw new ItemStreamException("cannot read messages for " + period.fileStem(), e);
        }
    }

    /** Skips the scopes the failed execution committed, checking that their messages did not change. */
    private void skipThrough(ExecutionContext context) throws SQLException {
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
        } catch (SQLException e) {
            throw new ItemStreamException("cannot read messages for " + period.fileStem(), e);
        }
    }

    private ScopeHistory nextScope() throws SQLException {
        if (!messagesLeft) {
            return null;
        }
        Scope scope = scopeOf(messages);
        List<StoredMessage> history = new ArrayList<>();
        while (messagesLeft && scopeOf(messages).equals(scope)) {
            history.add(new StoredMessage(messages.getString(4), Instant.ofEpochMilli(messages.getLong(5)),
                    "I".equals(messages.getString(6)), messages.getString(7), messages.getString(8),
                    messages.getString(9), messages.getString(10), messages.getString(11), messages.getString(12)));
            messagesLeft = messages.next();
        }
        List<Conversation> open = new ArrayList<>();
        while (carriedLeft && scopeOf(carried).compareTo(scope) < 0) {
            carriedLeft = carried.next(); // a scope with open conversations but no messages now
        }
        while (carriedLeft && scopeOf(carried).equals(scope)) {
            open.add(new Conversation(carried.getString(4), scope, ConversationCategory.valueOf(carried.getString(5)),
                    Instant.ofEpochMilli(carried.getLong(6)), Instant.ofEpochMilli(carried.getLong(7)),
                    carried.getString(8), carried.getInt(9)));
            carriedLeft = carried.next();
        }
        last = scope;
        messagesRead += history.size();
        return new ScopeHistory(scope, Buckets.of(scope.customerWaId()), open, history);
    }

    private static Scope scopeOf(ResultSet rs) throws SQLException {
        String phone = rs.getString(2);
        return new Scope(rs.getString(1), phone == null ? "" : phone.strip(), rs.getString(3));
    }

    private ResultSet query(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(FETCH_SIZE);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement.executeQuery();
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
        if (connection != null) {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                connection.close(); // closes the statements and cursors too
            } catch (SQLException e) {
                throw new ItemStreamException("cannot close the message cursor", e);
            }
            connection = null;
        }
    }
}
