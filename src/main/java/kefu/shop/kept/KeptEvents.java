package kefu.shop.kept;

import kefu.shop.ShopOrder;

/**
 * What the bot-kept after-sales store tells staff and buyers about (implemented by the handoff capability:
 * a card in the staff group, a message to the buyer). Implementations must not throw.
 */
public interface KeptEvents {

    /** A new after-sales ticket or cancel request was filed. */
    void filed(KeptTicket ticket, ShopOrder order);

    /** A buyer urged an order; {@code count} is its urges so far. */
    void urged(ShopOrder order, String chatUser, int count);

    /** Staff changed a ticket's status; {@code note} is what they wrote for the buyer. */
    void changed(KeptTicket ticket, String note);

    KeptEvents NONE = new KeptEvents() {
        @Override
        public void filed(KeptTicket ticket, ShopOrder order) {
        }

        @Override
        public void urged(ShopOrder order, String chatUser, int count) {
        }

        @Override
        public void changed(KeptTicket ticket, String note) {
        }
    };
}
