package kefu.handoff;

import kefu.conversation.ConversationKey;
import kefu.conversation.Lang;
import kefu.conversation.Reply;
import kefu.conversation.ConversationStore;
import kefu.shop.OrderStatus;
import kefu.shop.ShopGateway;
import kefu.shop.ShopOrder;
import kefu.shop.ShopUnavailableException;
import kefu.shop.notices.DeliveryWatches;
import kefu.shop.notices.NoticeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells buyers when an order they wait on is delivered or fails: takes the due watches, asks the shop (through the
 * circuit breaker, so a shop that is down is not hammered), and sends the notice once, in the buyer's language.
 * A still-undelivered order is checked again later with a growing gap. The card secret is never in a notice: the
 * buyer looks the order up, in private, to see it.
 */
public final class DeliveryNotifier {

    private static final Logger log = LoggerFactory.getLogger(DeliveryNotifier.class);

    private final DeliveryWatches watches;
    private final ShopGateway shop;
    private final BuyerMessengers messengers;
    private final ConversationStore store;
    private final StaffTexts texts;
    private final NoticeProperties settings;
    private ScheduledExecutorService timer;

    public DeliveryNotifier(DeliveryWatches watches, ShopGateway shop, BuyerMessengers messengers, ConversationStore store,
                            StaffTexts texts, NoticeProperties settings) {
        this.watches = watches;
        this.shop = shop;
        this.messengers = messengers;
        this.store = store;
        this.texts = texts;
        this.settings = settings;
    }

    public synchronized void start() {
        long every = settings.sweepEvery().toMillis();
        if (!settings.enabled() || every <= 0 || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "delivery-notices");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::sweepLogged, every, every, TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private void sweepLogged() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("delivery notice sweep failed: {}", e.toString());
        }
    }

    /** One round: checks the due watches; returns how many notices went out. */
    public int sweep() {
        int sent = 0;
        for (DeliveryWatches.Watch w : watches.takeDue(settings.batch())) {
            Optional<ShopOrder> order;
            try {
                order = shop.order(w.orderNo());
            } catch (ShopUnavailableException e) {
                watches.later(w);
                continue;
            }
            if (order.isEmpty()) {
                watches.finish(w);
                continue;
            }
            String key = noticeKey(order.get().status());
            if (key == null) {
                watches.later(w);
            } else if (watches.markSent(w)) {
                send(w, order.get(), key);
                sent++;
            }
        }
        return sent;
    }

    private void send(DeliveryWatches.Watch w, ShopOrder o, String key) {
        try {
            ConversationKey buyer = ConversationKey.parse(w.chatUser());
            Lang lang = store.peek(buyer).map(s -> s.lang()).orElse(Lang.ZH);
            messengers.send(buyer, List.of(Reply.of(texts.buyerText(lang, key, Map.of("order", o.orderNo(),
                    "product", o.product() == null ? "" : o.product())))));
        } catch (RuntimeException e) {
            log.warn("delivery notice for an order not delivered to the buyer: {}", e.toString());
        }
    }

    /** The notice for a final status, or null while the order still awaits delivery. */
    static String noticeKey(OrderStatus s) {
        return switch (s) {
            case DELIVERED, AWAITING_CLAIM, COMPLETED -> "shop.notice.delivered";
            case FAILED, CANCELLED, REFUNDED -> "shop.notice.failed";
            default -> null;
        };
    }

}
