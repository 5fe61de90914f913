package kefu.shop;

import java.util.Optional;

/**
 * A shop that can only be read: it reports orders but keeps no urges, cancel requests or after-sales tickets
 * (dujiaoka, acg-faka, Dujiao-Next). The bot keeps those itself ({@code kefu.shop.kept}).
 * Every method may throw {@link ShopUnavailableException}.
 */
public interface OrderSource {

    /** The order when {@code proof} proves ownership of it; empty when the order is missing or the proof wrong. */
    Optional<ShopOrder> prove(String orderNo, String proof);

    /**
     * The order as the shop reports it now. {@code proof} is the last proof that proved it (null if none), for
     * shops that show an order only with it.
     */
    Optional<ShopOrder> order(String orderNo, String proof);

    /** Whether {@link #order} needs the proof, so the bot must remember it after a successful proof. */
    default boolean readsNeedProof() {
        return false;
    }
}
