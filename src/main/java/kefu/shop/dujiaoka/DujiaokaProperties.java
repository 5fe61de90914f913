package kefu.shop.dujiaoka;

import kefu.shop.GoodsCategories;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code kefu.shop.db.*} and {@code kefu.shop.dujiaoka.*}: how to read a dujiaoka database and how its goods map to
 * the bot's product categories. Checked by {@link #validate()} only when {@code kefu.shop.kind=dujiaoka}, so other
 * kinds start without them.
 *
 * @param db              the read-only database connection
 * dujiaoka.categories: goods → category rules ({@link GoodsCategories}); dujiaoka has no categories of its own.
 * dujiaoka.hookSecret      secret path segment of the api_hook endpoint; empty: no endpoint
 * dujiaoka.hookBind        address the api_hook endpoint listens on
 * dujiaoka.hookPort        its port (0 = any free port)
 */
@ConfigurationProperties("kefu.shop")
public record DujiaokaProperties(@DefaultValue Db db, @DefaultValue Dujiaoka dujiaoka) {

    /**
     * @param url          {@code jdbc:mariadb://host:3306/dujiaoka} ({@code jdbc:mysql:} is accepted too)
     * @param poolSize     connections kept open at most
     * @param connectTimeout to open a connection (and to wait for a free one)
     * @param queryTimeout one query's longest run; a slower database counts as unavailable
     */
    public record Db(@DefaultValue("") String url, @DefaultValue("") String user, @DefaultValue("") String password,
                     @DefaultValue("4") int poolSize, @DefaultValue("3s") Duration connectTimeout,
                     @DefaultValue("5s") Duration queryTimeout) {

        /** Without the password: a logged settings object must not carry it. */
        @Override
        public String toString() {
            return "Db[url=" + url + ", user=" + user + ", password=" + (password == null || password.isEmpty() ? "" : "***")
                    + ", poolSize=" + poolSize + ", connectTimeout=" + connectTimeout + ", queryTimeout=" + queryTimeout + "]";
        }

        /** The URL for the MariaDB driver, which takes {@code jdbc:mysql:} only under its own scheme. */
        public String driverUrl() {
            String u = url.strip();
            return u.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + u.substring("jdbc:mysql:".length()) : u;
        }
    }

    public record Dujiaoka(@DefaultValue GoodsCategories categories, @DefaultValue("") String hookSecret,
                           @DefaultValue("127.0.0.1") String hookBind, @DefaultValue("8089") int hookPort) {

        @Override
        public String toString() {
            return "Dujiaoka[categories=" + categories + ", hookSecret="
                    + (hookSecret == null || hookSecret.isEmpty() ? "" : "***") + ", hookBind=" + hookBind
                    + ", hookPort=" + hookPort + "]";
        }
    }

    /** Stops start-up with the name of a missing or bad setting. */
    public void validate(java.util.Set<String> knownCategories) {
        if (db.url().isBlank()) {
            throw new IllegalStateException("kefu.shop.db.url (env KEFU_SHOP_DB_URL) is required with kefu.shop.kind=dujiaoka, "
                    + "e.g. jdbc:mariadb://127.0.0.1:3306/dujiaoka");
        }
        if (!db.driverUrl().startsWith("jdbc:mariadb:")) {
            throw new IllegalStateException("kefu.shop.db.url must start with jdbc:mariadb: or jdbc:mysql:, not " + db.url());
        }
        if (db.user().isBlank()) {
            throw new IllegalStateException("kefu.shop.db.user (env KEFU_SHOP_DB_USER) is required with kefu.shop.kind=dujiaoka");
        }
        if (db.poolSize() < 1) {
            throw new IllegalStateException("kefu.shop.db.pool-size must be at least 1");
        }
        if (db.connectTimeout().isNegative() || db.connectTimeout().toMillis() < 250) {
            throw new IllegalStateException("kefu.shop.db.connect-timeout must be at least 250ms");
        }
        if (db.queryTimeout().toSeconds() < 1) {
            throw new IllegalStateException("kefu.shop.db.query-timeout must be at least 1s");
        }
        dujiaoka.categories().validate("kefu.shop.dujiaoka.categories", knownCategories);
        if (!dujiaoka.hookSecret().isEmpty() && dujiaoka.hookSecret().length() < 16) {
            throw new IllegalStateException("kefu.shop.dujiaoka.hook-secret must be at least 16 characters (it is the only "
                    + "thing that authenticates the api_hook)");
        }
    }
}
