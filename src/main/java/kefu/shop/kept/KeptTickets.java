package kefu.shop.kept;

import java.util.List;
import java.util.Optional;

/** Staff's view of the tickets the bot keeps: look one up, list the open ones, change a status. */
public interface KeptTickets {

    Optional<KeptTicket> kept(String ticketNo);

    /** Open and in-progress tickets, oldest first. */
    List<KeptTicket> open();

    /** The latest {@code limit} tickets whatever their status, newest first. */
    List<KeptTicket> latest(int limit);

    /** The latest {@code limit} orders buyers urged, most recently urged first. */
    List<KeptUrge> latestUrges(int limit);

    /** Sets {@code status} (one of {@link KeptTicket#STATUSES}) with staff's note; empty when there is no such ticket. */
    Optional<KeptTicket> change(String ticketNo, String status, String note);

    Optional<byte[]> evidence(String id);

    /** How often buyers urged this order (accepted urges). */
    int urges(String orderNo);
}
