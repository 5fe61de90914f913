package kefu.conversation;

/** A help-center article an answer was taken from. */
public record Source(String id, String title) {
}
