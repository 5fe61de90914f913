package kefu.shop;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which shop system the bot talks to ({@code kefu.shop.kind}), and what its order numbers look like, so the
 * bot recognises them without an extra setting.
 */
public enum ShopKind {
    /** The bundled sandbox shop, run in-process. */
    SANDBOX("sandbox", "K\\d{13}"),
    /** Any shop implementing the bot's signed contract (docs/shop-api.md). */
    HTTP("http", "K\\d{13}"),
    /** dujiaoka: {@code strtoupper(Str::random(16))}, 16 upper-case letters and digits. */
    DUJIAOKA("dujiaoka", "[A-Z0-9]{16}"),
    /** acg-faka: {@code Str::generateTradeNo()} = 3 random digits + ymdHis + 3 random digits = 18 digits. */
    ACG_FAKA("acg-faka", "\\d{18}"),
    /** Dujiao-Next: a date-time stamp with a short prefix or suffix (e.g. DN202602110001). */
    DUJIAO_NEXT("dujiao-next", "[A-Z]{0,3}\\d{12,24}");

    private final String setting;
    private final String orderNumberPattern;

    ShopKind(String setting, String orderNumberPattern) {
        this.setting = setting;
        this.orderNumberPattern = orderNumberPattern;
    }

    public String setting() {
        return setting;
    }

    /** The regular expression of one order number of this shop system (matched case-insensitively). */
    public String orderNumberPattern() {
        return orderNumberPattern;
    }

    /** Parses the setting; blank means {@code http} when a base URL is set, else {@code sandbox}. */
    public static ShopKind of(String value, boolean baseUrlSet) {
        if (value == null || value.isBlank()) {
            return baseUrlSet ? HTTP : SANDBOX;
        }
        String v = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(k -> k.setting.equals(v)).findFirst()
                .orElseThrow(() -> new IllegalStateException("kefu.shop.kind (env KEFU_SHOP_KIND): unknown shop kind '"
                        + value + "'; one of " + Arrays.stream(values()).map(ShopKind::setting)
                        .collect(Collectors.joining(", "))));
    }
}
