package kefu.shop;

/** The shop's circuit breaker, for health and metrics; buyers' calls go through the {@link ShopGateway} bean. */
public record ShopBreaker(CircuitBreakingShopGateway gateway) {

    public CircuitBreakingShopGateway.State state() {
        return gateway.state();
    }
}
