package kefu.channel.telegram;

import kefu.channel.FileSniffer;
import kefu.conversation.Attachment;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.UUID;

/**
 * Downloads a file a user sent (getFile, then the file URL) into the download folder, refusing files over the
 * size limit before and while downloading, and telling the type from the bytes, not from the sender's claim.
 */
public final class FileFetcher {

    /** The outcome of a download. */
    public sealed interface Fetched {
        record Ok(Attachment attachment) implements Fetched { }
        record TooBig() implements Fetched { }
        record NotImage() implements Fetched { }
        record Failed(String reason) implements Fetched { }
    }

    static final int MAX_NAME_CHARS = 100;

    private final TelegramClient client;
    private final OkHttpClient http;
    private final String fileBaseUrl;
    private final Path dir;
    private final long maxBytes;
    private final FileSniffer sniffer = new FileSniffer();

    /** {@code fileBaseUrl}: {@code <api url>/file/bot<token>/}; the client library would always use the official host. */
    public FileFetcher(TelegramClient client, OkHttpClient http, String fileBaseUrl, Path dir, long maxBytes) {
        this.client = client;
        this.http = http;
        this.fileBaseUrl = fileBaseUrl;
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * @param claimedSize the size Telegram reported in the message, or null
     * @param imagesOnly  refuse anything whose bytes are not an image (buyers' evidence); staff may send any file
     */
    public Fetched fetch(String fileId, Long claimedSize, String fileName, boolean imagesOnly) {
        if (claimedSize != null && claimedSize > maxBytes) {
            return new Fetched.TooBig();
        }
        try {
            File file = client.execute(GetFile.builder().fileId(fileId).build());
            if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
                return new Fetched.TooBig();
            }
            ownerOnlyDir();
            Path target = dir.resolve(UUID.randomUUID().toString());
            long size;
            Request request = new Request.Builder().url(fileBaseUrl + file.getFilePath()).get().build();
            try (Response response = http.newCall(request).execute()) {
                if (!response.isSuccessful()) {
                    return new Fetched.Failed("file download answered " + response.code());
                }
                try (InputStream in = response.body().byteStream(); OutputStream out = ownerOnlyFile(target)) {
                    size = copyAtMost(in, out, maxBytes + 1);
                }
            } catch (IOException | RuntimeException e) {
                // A download cut off halfway leaves nothing behind.
                Files.deleteIfExists(target);
                throw e;
            }
            if (size > maxBytes) {
                Files.deleteIfExists(target);
                return new Fetched.TooBig();
            }
            String type = sniffer.imageType(target).orElse(null);
            if (type == null && imagesOnly) {
                Files.deleteIfExists(target);
                return new Fetched.NotImage();
            }
            String name = plainName(fileName).orElse("photo" + extension(type));
            return new Fetched.Ok(new Attachment(target.toAbsolutePath().toString(), name,
                    type == null ? "application/octet-stream" : type, size));
        } catch (TelegramApiException | IOException e) {
            return new Fetched.Failed(e.getMessage());
        }
    }

    /**
     * The sender's file name as a plain name staff can read: no folders (either slash), no control or invisible
     * format characters (a right-to-left override makes {@code gnp.exe} look like {@code exe.png}), at most
     * {@link #MAX_NAME_CHARS} characters; empty when nothing readable is left. It is only ever shown, never
     * used as a path.
     */
    static Optional<String> plainName(String claimed) {
        if (claimed == null) {
            return Optional.empty();
        }
        String last = claimed.substring(Math.max(claimed.lastIndexOf('/'), claimed.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder();
        last.codePoints().filter(c -> {
            int kind = Character.getType(c);
            return kind != Character.CONTROL && kind != Character.FORMAT && kind != Character.UNASSIGNED
                    && kind != Character.PRIVATE_USE && kind != Character.SURROGATE;
        }).limit(MAX_NAME_CHARS).forEach(out::appendCodePoint);
        String name = out.toString().strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? Optional.empty() : Optional.of(name);
    }

    /**
     * Deletes a downloaded file once its turn is over: everything that uses it (the staff desk, the shop's
     * upload) reads it during the turn, so buyers' screenshots do not pile up on the bot's disk.
     */
    public void discard(Attachment file) {
        try {
            Path path = Path.of(file.localPath());
            if (path.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize())) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | RuntimeException e) {
            // Not fatal: the file stays until the folder is cleaned; the turn itself went through.
            LoggerFactory.getLogger(FileFetcher.class).warn("a received file could not be deleted: {}", e.toString());
        }
    }

    /** Buyers' screenshots are nobody else's business on the machine: the folder is the bot user's only. */
    private void ownerOnlyDir() throws IOException {
        Files.createDirectories(dir);
        if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static OutputStream ownerOnlyFile(Path target) throws IOException {
        if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            return Files.newOutputStream(target);
        }
        return Files.newOutputStream(target);
    }

    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(buf, 0, (int) Math.min(buf.length, limit - total))) > 0) {
            out.write(buf, 0, n);
            total += n;
        }
        return total;
    }

    private static String extension(String type) {
        if (type == null) {
            return "";
        }
        return switch (type) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            default -> "";
        };
    }
}
