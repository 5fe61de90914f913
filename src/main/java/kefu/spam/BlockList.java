package kefu.spam;

import kefu.conversation.ConversationKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Buyers listed in a shared block-list file, ignored before any work: no download, no reply, no Redis call.
 * The file is read into memory and read again when it changes (looked at every {@code reload}), so an
 * operator — or a job that syncs a list several shops share — edits it without a restart. A file that cannot
 * be read keeps the last list.
 */
public final class BlockList {

    private static final Logger log = LoggerFactory.getLogger(BlockList.class);
    private static final Pattern BARE_ID = Pattern.compile("\\d{1,20}");
    private static final Pattern KEY = Pattern.compile("[a-z]{2,16}:[A-Za-z0-9_.@-]{1,64}");

    private final Path file;
    private final Duration reload;
    private final Clock clock;
    private volatile Set<String> blocked = Set.of();
    private volatile FileTime loadedVersion;
    private volatile Instant nextLook = Instant.MIN;

    public BlockList(Path file, Duration reload, Clock clock) {
        this.file = file;
        this.reload = reload;
        this.clock = clock;
        refresh();
    }

    /** No file configured: nobody is blocked. */
    public static BlockList none(Clock clock) {
        return new BlockList(null, Duration.ofDays(365), clock);
    }

    public boolean blocked(ConversationKey buyer) {
        if (file != null && clock.instant().isAfter(nextLook)) {
            refresh();
        }
        return blocked.contains(buyer.asString());
    }

    public int size() {
        return blocked.size();
    }

    private synchronized void refresh() {
        nextLook = clock.instant().plus(reload);
        if (file == null || !Files.exists(file)) {
            if (file != null && !blocked.isEmpty()) {
                log.warn("block list {} is gone; keeping the {} entries read before", file, blocked.size());
            }
            return;
        }
        try {
            FileTime version = Files.getLastModifiedTime(file);
            if (version.equals(loadedVersion)) {
                return;
            }
            Set<String> next = new HashSet<>();
            int skipped = 0;
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String line = raw.replaceAll("#.*", "").strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (BARE_ID.matcher(line).matches()) {
                    next.add("tg:" + line);
                } else if (KEY.matcher(line).matches()) {
                    next.add(line);
                } else {
                    skipped++;
                }
            }
            blocked = Set.copyOf(next);
            loadedVersion = version;
            log.info("block list {}: {} buyers{}", file, next.size(), skipped == 0 ? "" : " (" + skipped + " unreadable lines skipped)");
        } catch (IOException e) {
            log.warn("block list {} could not be read, keeping the last one: {}", file, e.getMessage());
        }
    }
}
