package kefu.shop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stops calling a shop that keeps failing. Closed: calls pass. After {@code failures} unavailable answers in
 * a row it opens: calls fail at once with {@link ShopUnavailableException} until {@code openFor} has passed;
 * then one call is let through, and its result closes or re-opens the breaker.
 */
public final class CircuitBreakingShopGateway implements ShopGateway {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakingShopGateway.class);

    private final ShopGateway shop;
    private final ShopBreakerProperties settings;
    private final Clock clock;
    private int failuresInARow;
    private Instant openUntil;
    private boolean trialInFlight;

    public CircuitBreakingShopGateway(ShopGateway shop, ShopBreakerProperties settings, Clock clock) {
        this.shop = shop;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public BindResult bind(String chatUser, String code) {
        return call(() -> shop.bind(chatUser, code));
    }

    @Override
    public Verification verify(String chatUser, String orderNo, String proof) {
        return call(() -> shop.verify(chatUser, orderNo, proof));
    }

    @Override
    public Optional<ShopOrder> order(String orderNo) {
        return call(() -> shop.order(orderNo));
    }

    @Override
    public List<ShopOrder> recentOrders(String accountId, int limit) {
        return call(() -> shop.recentOrders(accountId, limit));
    }

    @Override
    public UrgeResult urge(String orderNo, String chatUser, String idempotencyKey) {
        return call(() -> shop.urge(orderNo, chatUser, idempotencyKey));
    }

    @Override
    public CancelResult cancel(String orderNo, String chatUser, String idempotencyKey) {
        return call(() -> shop.cancel(orderNo, chatUser, idempotencyKey));
    }

    @Override
    public String upload(String chatUser, String fileName, String mimeType, byte[] content) {
        return call(() -> shop.upload(chatUser, fileName, mimeType, content));
    }

    @Override
    public TicketResult file(TicketRequest request, String idempotencyKey) {
        return call(() -> shop.file(request, idempotencyKey));
    }

    @Override
    public Optional<ShopTicket> ticket(String ticketNo) {
        return call(() -> shop.ticket(ticketNo));
    }

    @Override
    public Optional<List<ListedTicket>> tickets(List<String> statuses, int limit) {
        return call(() -> shop.tickets(statuses, limit));
    }

    @Override
    public TicketChange changeTicket(String ticketNo, String status, String note, String by, String idempotencyKey) {
        return call(() -> shop.changeTicket(ticketNo, status, note, by, idempotencyKey));
    }

    @Override
    public Optional<List<ListedUrge>> urges(List<String> statuses, int limit) {
        return call(() -> shop.urges(statuses, limit));
    }

    @Override
    public String replyVariant() {
        return shop.replyVariant();
    }

    /** Where the breaker stands: calls pass, one trial call may pass, or calls fail at once. */
    public enum State { CLOSED, HALF_OPEN, OPEN }

    public synchronized State state() {
        if (openUntil == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(openUntil) || trialInFlight ? State.OPEN : State.HALF_OPEN;
    }

    private <T> T call(Supplier<T> request) {
        boolean trial = admit();
        try {
            T result = request.get();
            succeeded();
            return result;
        } catch (ShopUnavailableException e) {
            failed(trial);
            throw e;
        }
    }

    /** Whether this call is the one trial after the open period; throws while the breaker is open. */
    private synchronized boolean admit() {
        if (openUntil == null) {
            return false;
        }
        if (clock.instant().isBefore(openUntil) || trialInFlight) {
            throw new ShopUnavailableException("the shop failed " + failuresInARow + " times in a row; "
                    + "not calling it again before " + openUntil);
        }
        trialInFlight = true;
        return true;
    }

    private synchronized void succeeded() {
        if (openUntil != null) {
            log.info("shop answers again: circuit closed");
        }
        failuresInARow = 0;
        openUntil = null;
        trialInFlight = false;
    }

    private synchronized void failed(boolean trial) {
        failuresInARow++;
        trialInFlight = false;
        if (trial || failuresInARow >= settings.failures()) {
            if (openUntil == null || trial) {
                log.warn("shop unavailable {} times in a row: circuit open for {}", failuresInARow, settings.openFor());
            }
            openUntil = clock.instant().plus(settings.openFor());
        }
    }
}
