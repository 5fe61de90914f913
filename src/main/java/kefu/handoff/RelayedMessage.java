package kefu.handoff;

/**
 * A buyer's message on its way into their staff thread: {@code text} as one post, and the {@code head} and
 * {@code line} a desk that is behind uses to put several into one post (the head once, then a line each).
 */
public record RelayedMessage(String text, String head, String line) {
}
