package kefu.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Optional;

/**
 * Who answers the buyer, kept apart from who is assigned: the bot; the queue, waiting for staff; a staff member;
 * or closed, handed back by staff (the bot answers again, a rating may be pending). Stored as one word
 * ({@code bot}, {@code queued}, {@code staff:<id>}, {@code closed}) so saved conversations read the same.
 */
public sealed interface Handover {

    enum Status { BOT, QUEUED, STAFF, CLOSED }

    Handover BOT = new WithBot();
    Handover QUEUED = new Queued();
    Handover CLOSED = new Closed();

    Status status();

    /** The staff member serving the conversation, if any. */
    default Optional<String> assignee() {
        return Optional.empty();
    }

    static Handover staff(String staffId) {
        return new WithStaff(staffId);
    }

    /** Queued or served by staff: the bot must not answer on its own. */
    default boolean withHumans() {
        return status() == Status.QUEUED || status() == Status.STAFF;
    }

    default boolean servedBy(String staffId) {
        return assignee().filter(staffId::equals).isPresent();
    }

    @JsonValue
    default String wireName() {
        return this instanceof WithStaff s ? WithStaff.PREFIX + s.staffId() : status().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads the stored word; anything unknown or missing is the bot's. */
    @JsonCreator
    static Handover parse(String stored) {
        if (stored == null) {
            return BOT;
        }
        if (stored.startsWith(WithStaff.PREFIX)) {
            return new WithStaff(stored.substring(WithStaff.PREFIX.length()));
        }
        return switch (stored) {
            case "queued" -> QUEUED;
            case "closed" -> CLOSED;
            default -> BOT;
        };
    }

    record WithBot() implements Handover {
        @Override
        public Status status() {
            return Status.BOT;
        }
    }

    record Queued() implements Handover {
        @Override
        public Status status() {
            return Status.QUEUED;
        }
    }

    record WithStaff(String staffId) implements Handover {
        static final String PREFIX = "staff:";

        @Override
        public Status status() {
            return Status.STAFF;
        }

        @Override
        public Optional<String> assignee() {
            return Optional.of(staffId);
        }
    }

    record Closed() implements Handover {
        @Override
        public Status status() {
            return Status.CLOSED;
        }
    }
}
