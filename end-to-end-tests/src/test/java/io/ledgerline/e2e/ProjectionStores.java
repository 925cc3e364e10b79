package io.ledgerline.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Drops everything the projection keeps in the test database and the test Redis db, as an operator would. */
final class ProjectionStores {

    private ProjectionStores() {}

    static void wipe() throws SQLException, IOException {
        wipePostgres();
        wipeRedis();
    }

    /** Drops what a projection kept under its own PostgreSQL schema and Redis key prefix (another copy's stores). */
    static void dropCopy(String pgSchema, String redisPrefix) throws SQLException, IOException {
        try (Connection db = testDatabase(); Statement sql = db.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + pgSchema + " CASCADE");
        }
        redis("EVAL", "local n = 0 for _, k in ipairs(redis.call('KEYS', ARGV[1] .. '*')) do n = n +"
                + " redis.call('DEL', k) end return n", "0", redisPrefix);
    }

    private static Connection testDatabase() throws SQLException {
        String url = "jdbc:postgresql://" + env("LEDGERLINE_DB_HOST", "127.0.0.1") + ":" + env("LEDGERLINE_DB_PORT", "5432")
                + "/ledgerline_test";
        return DriverManager.getConnection(url, env("LEDGERLINE_DB_USER", "ledgerline"),
                System.getenv("LEDGERLINE_DB_PASSWORD"));
    }

    private static void wipePostgres() throws SQLException {
        try (Connection db = testDatabase(); Statement sql = db.createStatement()) {
            // Tables, migration history and all: the projection must recreate its schema from nothing.
            sql.execute("DROP SCHEMA IF EXISTS position_projection CASCADE");
        }
    }

    /**
     * Moves an entry of a queue's waiting line in the projection's Redis to the end of the line, as a lost or
     * misapplied write would: the stores now disagree with the log.
     */
    static void misplace(String queueId, String entryId) throws IOException {
        String key = "ll:q:{" + queueId + "}:waiting";
        redis("ZADD", key, "9000000000000000000", entryId);
    }

    /** Sends one command in Redis' protocol (db 1 is selected per connection, so each call selects it first). */
    private static void redis(String... command) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", 6379)) {
            OutputStream out = socket.getOutputStream();
            StringBuilder select = new StringBuilder("*2\r\n$6\r\nSELECT\r\n$1\r\n1\r\n");
            StringBuilder call = new StringBuilder("*" + command.length + "\r\n");
            for (String part : command) {
                call.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part)
                        .append("\r\n");
            }
            out.write((select.toString() + call).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder text = new StringBuilder();
            int c;
            while (text.chars().filter(ch -> ch == '\n').count() < 2 && (c = in.read()) >= 0) {
                text.append((char) c); // both replies are one line each: +OK, then :1 or an error
            }
            if (text.indexOf("-ERR") >= 0) {
                throw new IOException("Redis refused " + String.join(" ", command) + ": " + text);
            }
        }
    }

    private static void wipeRedis() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", 6379)) {
            OutputStream out = socket.getOutputStream();
            out.write("SELECT 1\r\nFLUSHDB\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String replies = new String(in.readNBytes("+OK\r\n+OK\r\n".length()), StandardCharsets.US_ASCII);
            if (!replies.equals("+OK\r\n+OK\r\n")) {
                throw new IOException("Redis did not confirm the flush: " + replies);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
