package kefu.handoff;

import java.util.Optional;

/** The full view of an order for staff ({@code /order K...}); implemented on top of the shop platform. */
public interface StaffOrderLookup {

    /** A text for staff describing the order, or saying it was not found. */
    String view(String orderNumber);

    /** One line for the summary card: the order number, product and status in words. */
    default String line(String orderNumber) {
        return orderNumber;
    }

    /** The shop's product category of the order (e.g. {@code mobile_topup}), when known. */
    default Optional<String> category(String orderNumber) {
        return Optional.empty();
    }
}
