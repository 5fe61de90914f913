package kefu.conversation;

/**
 * A file the buyer sent (a screenshot as after-sales evidence). The channel adapter has already
 * downloaded it to {@code localPath}; {@code mimeType} is what the content looks like, not what the sender claimed.
 */
public record Attachment(String localPath, String fileName, String mimeType, long sizeBytes) {
}
