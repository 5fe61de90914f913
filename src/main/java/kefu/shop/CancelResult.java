package kefu.shop;

/** The shop's answer to a cancellation: {@code reason} ({@code delivered}, {@code window_passed}, {@code status}) when refused. */
public record CancelResult(boolean cancelled, String reason, OrderStatus status) {
}
