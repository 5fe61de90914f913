package kefu.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A throwaway dujiaoka database on the machine's MariaDB (127.0.0.1:3306, root without a password; .ci/run starts
 * the server when it is down): dujiaoka's own tables for orders, goods and carmis, and a user that may only SELECT
 * from orders and goods — what an operator grants the bot. Rows are written as dujiaoka writes them.
 */
public final class DujiaokaDatabase implements AutoCloseable {

    public static final String ROOT_URL = "jdbc:mariadb://127.0.0.1:3306/";

    private final String name;
    private final String user;
    private final String password;
    private final Connection root;

    private DujiaokaDatabase(String name, String user, String password, Connection root) {
        this.name = name;
        this.user = user;
        this.password = password;
        this.root = root;
    }

    public static DujiaokaDatabase create() {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try {
            Connection root = DriverManager.getConnection(ROOT_URL + "?user=root&connectTimeout=3000");
            DujiaokaDatabase db = new DujiaokaDatabase("kefu_dj_" + id, "kefu_ro_" + id, "ro-" + id, root);
            db.setUp();
            return db;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("tests of the dujiaoka adapter need MariaDB on 127.0.0.1:3306 (root, no password); "
                    + ".ci/run starts it: " + e.getMessage(), e);
        }
    }

    private void setUp() throws SQLException, IOException {
        try (Statement st = root.createStatement()) {
            st.execute("CREATE DATABASE `" + name + "` DEFAULT CHARSET utf8mb4");
            st.execute("USE `" + name + "`");
            st.execute("SET time_zone = '+00:00'");
            String ddl;
            try (InputStream in = DujiaokaDatabase.class.getResourceAsStream("/dujiaoka/schema.sql")) {
                ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String statement : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    st.execute(statement);
                }
            }
            for (String host : new String[]{"localhost", "127.0.0.1", "%"}) {
                st.execute("CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
                st.execute("GRANT SELECT ON `" + name + "`.`orders` TO '" + user + "'@'" + host + "'");
                st.execute("GRANT SELECT ON `" + name + "`.`goods` TO '" + user + "'@'" + host + "'");
            }
        }
    }

    /** The shop settings of a bot reading this database (the kind itself is set by the test). */
    public void registerShop(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("kefu.shop.db.url", this::url);
        registry.add("kefu.shop.db.user", this::user);
        registry.add("kefu.shop.db.password", this::password);
    }

    public String url() {
        return ROOT_URL + name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public void goods(int id, String name, int type) {
        update("INSERT INTO goods (id, group_id, gd_name, type, actual_price, created_at, updated_at) VALUES (?, 1, ?, ?, 10.00, NOW(), NOW())",
                id, name, type);
    }

    /** An order as dujiaoka stores it; {@code createdAgo} before now, updated {@code updatedAgo} before now. */
    public void order(String orderSn, int goodsId, String title, int type, int status, String email, String searchPwd,
                      String info, Duration createdAgo, Duration updatedAgo) {
        Instant now = Instant.now();
        update("INSERT INTO orders (order_sn, goods_id, title, type, goods_price, total_price, actual_price, search_pwd, email, "
                        + "info, buy_ip, status, created_at, updated_at) VALUES (?, ?, ?, ?, 10.00, 10.00, 9.50, ?, ?, ?, '127.0.0.1', ?, ?, ?)",
                orderSn, goodsId, title, type, searchPwd, email, info, status,
                LocalDateTime.ofInstant(now.minus(createdAgo), ZoneOffset.UTC),
                LocalDateTime.ofInstant(now.minus(updatedAgo), ZoneOffset.UTC));
    }

    public void setStatus(String orderSn, int status, String info) {
        update("UPDATE orders SET status = ?, info = ?, updated_at = UTC_TIMESTAMP() WHERE order_sn = ?", status, info, orderSn);
    }

    public void softDelete(String orderSn) {
        update("UPDATE orders SET deleted_at = UTC_TIMESTAMP() WHERE order_sn = ?", orderSn);
    }

    /** Takes the bot's read access away, as an operator revoking it would. */
    public void dropUser() {
        for (String host : new String[]{"localhost", "127.0.0.1", "%"}) {
            update("DROP USER IF EXISTS '" + user + "'@'" + host + "'");
        }
    }

    private void update(String sql, Object... args) {
        try (PreparedStatement st = root.prepareStatement(sql)) {
            try (Statement s = root.createStatement()) {
                s.execute("USE `" + name + "`");
                s.execute("SET time_zone = '+00:00'");
            }
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (Statement st = root.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `" + name + "`");
            for (String host : new String[]{"localhost", "127.0.0.1", "%"}) {
                st.execute("DROP USER IF EXISTS '" + user + "'@'" + host + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name, e);
        } finally {
            try {
                root.close();
            } catch (SQLException ignored) {
                // closing a connection whose work is done
            }
        }
    }
}
