package kefu.shop.dujiaoka;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import kefu.shop.OrderRules;
import kefu.shop.OrderSource;
import kefu.shop.OrderStatus;
import kefu.shop.ShopOrder;
import kefu.shop.ShopUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads orders straight from a dujiaoka database (it has no order API), read-only: a pool of read-only
 * connections, a user that should hold nothing but SELECT, and statement timeouts. Tables and meanings from
 * dujiaoka's {@code database/sql/install.sql} and {@code app/Models/Order.php}.
 *
 * <p>dujiaoka records no payment time. {@code created_at} stands in for it: an unpaid order expires within
 * minutes (its order_expire_time, 5 by default), so payment follows creation closely, while {@code updated_at}
 * moves again at delivery and would make an urge look early. For a completed order {@code updated_at} is the
 * delivery time.
 */
public final class DujiaokaOrders implements OrderSource, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DujiaokaOrders.class);
    private static final String ORDER = "SELECT o.order_sn, o.goods_id, o.title, o.type, o.actual_price, o.email, "
            + "o.search_pwd, o.info, o.status, o.created_at, o.updated_at, g.gd_name "
            + "FROM orders o LEFT JOIN goods g ON g.id = o.goods_id "
            + "WHERE o.order_sn = ? AND o.deleted_at IS NULL";

    private final HikariDataSource pool;
    private final DujiaokaProperties.Dujiaoka settings;
    private final OrderRules rules;
    private final int queryTimeoutSeconds;

    private DujiaokaOrders(HikariDataSource pool, DujiaokaProperties.Dujiaoka settings, OrderRules rules, int queryTimeoutSeconds) {
        this.pool = pool;
        this.settings = settings;
        this.rules = rules;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    /**
     * Opens the pool. A wrong user or password, or a database without dujiaoka's tables, stops start-up with the
     * setting to fix; an unreachable database does not — the bot starts and answers "briefly unavailable".
     */
    public static DujiaokaOrders open(DujiaokaProperties props, OrderRules rules) {
        DujiaokaProperties.Db db = props.db();
        HikariConfig c = new HikariConfig();
        c.setPoolName("dujiaoka");
        c.setJdbcUrl(db.driverUrl());
        c.setUsername(db.user());
        c.setPassword(db.password());
        c.setReadOnly(true);
        c.setAutoCommit(true);
        c.setMaximumPoolSize(db.poolSize());
        c.setMinimumIdle(0);
        c.setConnectionTimeout(db.connectTimeout().toMillis());
        c.setValidationTimeout(Math.min(db.connectTimeout().toMillis(), 2000));
        // Times come back as UTC whatever the server's zone; TIMESTAMP columns are stored as instants.
        c.setConnectionInitSql("SET time_zone = '+00:00'");
        c.addDataSourceProperty("connectTimeout", Long.toString(db.connectTimeout().toMillis()));
        c.addDataSourceProperty("socketTimeout", Long.toString(db.queryTimeout().toMillis() + 1000));
        c.setInitializationFailTimeout(-1);
        HikariDataSource pool = new HikariDataSource(c);
        DujiaokaOrders orders = new DujiaokaOrders(pool, props.dujiaoka(), rules, (int) Math.max(1, db.queryTimeout().toSeconds()));
        orders.check();
        return orders;
    }

    private void check() {
        try (Connection c = pool.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT o.order_sn, o.search_pwd, o.info, g.gd_name FROM orders o LEFT JOIN goods g ON g.id = o.goods_id LIMIT 0")) {
            st.setQueryTimeout(queryTimeoutSeconds);
            st.executeQuery().close();
            log.info("dujiaoka database connected: {}", pool.getJdbcUrl());
        } catch (SQLException e) {
            if ("28000".equals(e.getSQLState())) {
                close();
                throw new IllegalStateException("kefu.shop.db.user / kefu.shop.db.password: the dujiaoka database refused "
                        + "them: " + e.getMessage(), e);
            }
            if ("42S02".equals(e.getSQLState()) || "42000".equals(e.getSQLState()) || e.getErrorCode() == 1142) {
                close();
                throw new IllegalStateException("kefu.shop.db.url / kefu.shop.db.user: cannot read dujiaoka's orders and "
                        + "goods tables (" + e.getMessage() + "); check the database name and GRANT SELECT", e);
            }
            log.warn("dujiaoka database not reachable now ({}); order actions answer 'briefly unavailable' until it is",
                    e.getMessage());
        }
    }

    @Override
    public Optional<ShopOrder> prove(String orderNo, String proof) {
        Optional<Row> row = row(orderNo);
        String p = proof == null ? "" : proof.strip();
        if (row.isEmpty() || p.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        boolean byEmail = r.email != null && !r.email.isBlank() && r.email.strip().equalsIgnoreCase(p);
        boolean byPassword = r.searchPwd != null && !r.searchPwd.isEmpty() && constantTimeEquals(r.searchPwd, p);
        return byEmail || byPassword ? Optional.of(view(r)) : Optional.empty();
    }

    @Override
    public Optional<ShopOrder> order(String orderNo, String proof) {
        return row(orderNo).map(this::view);
    }

    private Optional<Row> row(String orderNo) {
        if (orderNo == null || orderNo.isBlank()) {
            return Optional.empty();
        }
        try (Connection c = pool.getConnection(); PreparedStatement st = c.prepareStatement(ORDER)) {
            st.setQueryTimeout(queryTimeoutSeconds);
            st.setString(1, orderNo.strip().toUpperCase(Locale.ROOT));
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                BigDecimal price = rs.getBigDecimal("actual_price");
                return Optional.of(new Row(rs.getString("order_sn"), rs.getLong("goods_id"), rs.getString("title"),
                        rs.getInt("type"), price == null ? null : price.toPlainString(), rs.getString("email"),
                        rs.getString("search_pwd"), rs.getString("info"), rs.getInt("status"),
                        instant(rs.getObject("created_at", LocalDateTime.class)),
                        instant(rs.getObject("updated_at", LocalDateTime.class)), rs.getString("gd_name")));
            }
        } catch (SQLException e) {
            throw new ShopUnavailableException("dujiaoka database: " + e.getMessage(), e);
        }
    }

    private ShopOrder view(Row r) {
        DujiaokaStatus code;
        try {
            code = DujiaokaStatus.of(r.status);
        } catch (IllegalArgumentException e) {
            log.warn("dujiaoka order {} has status {} this bot does not know; shown as processing", r.orderSn, r.status);
            code = DujiaokaStatus.PROCESSING;
        }
        OrderStatus status = code.status();
        String category = settings.categories().categoryOf(r.goodsId, r.goodsName != null ? r.goodsName : r.title);
        boolean auto = r.type != 2;
        boolean paid = status != OrderStatus.PENDING_PAYMENT && status != OrderStatus.CANCELLED;
        Instant paidAt = paid ? r.createdAt : null;
        Instant deliveredAt = status == OrderStatus.COMPLETED ? r.updatedAt : null;
        // For automatic delivery info holds the card secrets; for manual goods it holds what the buyer typed in.
        String secret = auto && status == OrderStatus.COMPLETED ? blankToNull(r.info) : null;
        String target = auto ? null : blankToNull(r.info);
        return new ShopOrder(r.orderSn, null, r.title, category, auto ? "auto" : "manual", r.actualPrice, target,
                status, code.raw(), paidAt, deliveredAt, rules.expectedBy(category, paidAt), secret, false, null, null);
    }

    private static Instant instant(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        pool.close();
    }

    private record Row(String orderSn, long goodsId, String title, int type, String actualPrice, String email,
                       String searchPwd, String info, int status, Instant createdAt, Instant updatedAt, String goodsName) {
    }
}
