package kefu.shop.notices;

import kefu.shop.BindResult;

import kefu.shop.CancelResult;
import kefu.shop.ListedTicket;
import kefu.shop.ListedUrge;
import kefu.shop.ShopAccount;
import kefu.shop.ShopGateway;
import kefu.shop.ShopOrder;
import kefu.shop.ShopTicket;
import kefu.shop.TicketChange;
import kefu.shop.TicketRequest;
import kefu.shop.TicketResult;
import kefu.shop.UrgeResult;
import kefu.shop.Verification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * The shop port with delivery watching: a buyer who proves an undelivered order, or urges one, is watched for its
 * delivery ({@link DeliveryWatches}), whatever the shop kind. Everything else passes straight through.
 */
public final class WatchingShopGateway implements ShopGateway {

    private static final Logger log = LoggerFactory.getLogger(WatchingShopGateway.class);

    private final ShopGateway shop;
    private final DeliveryWatches watches;

    public WatchingShopGateway(ShopGateway shop, DeliveryWatches watches) {
        this.shop = shop;
        this.watches = watches;
    }

    @Override
    public Verification verify(String chatUser, String orderNo, String proof) {
        Verification v = shop.verify(chatUser, orderNo, proof);
        if (v.verified()) {
            watch(chatUser, v.order());
        }
        return v;
    }

    @Override
    public UrgeResult urge(String orderNo, String chatUser, String idempotencyKey) {
        UrgeResult r = shop.urge(orderNo, chatUser, idempotencyKey);
        if (r.accepted()) {
            try {
                shop.order(orderNo).ifPresent(o -> watch(chatUser, o));
            } catch (RuntimeException e) {
                log.debug("order {} not watched: {}", orderNo, e.toString());
            }
        }
        return r;
    }

    /** Watching is a courtesy: a Redis hiccup here must not fail the buyer's look-up. */
    private void watch(String chatUser, ShopOrder order) {
        try {
            watches.watch(chatUser, order);
        } catch (RuntimeException e) {
            log.warn("order {} not watched for delivery: {}", order.orderNo(), e.toString());
        }
    }

    @Override
    public BindResult bind(String chatUser, String code) {
        return shop.bind(chatUser, code);
    }

    @Override
    public Optional<ShopOrder> order(String orderNo) {
        return shop.order(orderNo);
    }

    @Override
    public List<ShopOrder> recentOrders(String accountId, int limit) {
        return shop.recentOrders(accountId, limit);
    }

    @Override
    public CancelResult cancel(String orderNo, String chatUser, String idempotencyKey) {
        return shop.cancel(orderNo, chatUser, idempotencyKey);
    }

    @Override
    public String upload(String chatUser, String fileName, String mimeType, byte[] content) {
        return shop.upload(chatUser, fileName, mimeType, content);
    }

    @Override
    public TicketResult file(TicketRequest request, String idempotencyKey) {
        return shop.file(request, idempotencyKey);
    }

    @Override
    public Optional<ShopTicket> ticket(String ticketNo) {
        return shop.ticket(ticketNo);
    }

    @Override
    public Optional<List<ListedTicket>> tickets(List<String> statuses, int limit) {
        return shop.tickets(statuses, limit);
    }

    @Override
    public TicketChange changeTicket(String ticketNo, String status, String note, String by, String idempotencyKey) {
        return shop.changeTicket(ticketNo, status, note, by, idempotencyKey);
    }

    @Override
    public Optional<List<ListedUrge>> urges(List<String> statuses, int limit) {
        return shop.urges(statuses, limit);
    }

    @Override
    public String replyVariant() {
        return shop.replyVariant();
    }
}
