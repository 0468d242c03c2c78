package com.wabilling.support.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Named SQL statements kept in a file under {@code src/main/resources/db/}, so data access code
 * holds no SQL text. Each statement starts with a line {@code -- name: some-name}.
 */
public final class SqlStatements {

    private final String resource;
    private final Map<String, String> statements;

    private SqlStatements(String resource, Map<String, String> statements) {
        this.resource = resource;
        this.statements = statements;
    }

    public static SqlStatements load(String resource) {
        try (InputStream in = SqlStatements.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SQL file not found on the classpath: " + resource);
            }
            return new SqlStatements(resource, parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String get(String name) {
        String sql = statements.get(name);
        if (sql == null) {
            throw new IllegalArgumentException("no statement '" + name + "' in " + resource);
        }
        return sql;
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> result = new HashMap<>();
        String name = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("-- name:")) {
                put(result, name, sql);
                name = trimmed.substring("-- name:".length()).strip();
                sql.setLength(0);
            } else if (!trimmed.startsWith("--") && !trimmed.isEmpty()) {
                sql.append(line).append('\n');
            }
        }
        put(result, name, sql);
        return result;
    }

    private static void put(Map<String, String> result, String name, StringBuilder sql) {
        if (name != null) {
            String statement = sql.toString().strip();
            result.put(name, statement.endsWith(";") ? statement.substring(0, statement.length() - 1) : statement);
        }
    }
}
