package kefu.channel.telegram;

import kefu.conversation.Attachment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.UUID;

/**
 * Copies a file that is to be sent later: the send queue posts it after the update that brought it is done
 * (and its download deleted). The sender deletes the copy once it is posted or given up.
 */
public final class FileCopies {

    private static final Logger log = LoggerFactory.getLogger(FileCopies.class);

    private final Path dir;

    public FileCopies(Path dir) {
        this.dir = dir;
    }

    /** The copy's path, or empty when it could not be made. */
    public Optional<String> keep(Attachment file) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                try {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system: the directory keeps the default permissions.
                }
            }
            Path copy = dir.resolve(UUID.randomUUID().toString());
            Files.copy(Path.of(file.localPath()), copy, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(copy.toString());
        } catch (IOException e) {
            log.warn("a file could not be kept for sending: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
