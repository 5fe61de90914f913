package kefu.channel.console;

import kefu.channel.FileSniffer;
import kefu.conversation.Attachment;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.Turn;
import kefu.conversation.TurnResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns chat CLI input into engine turns for the {@code cli} channel. */
public final class ChatTurns {

    public static final String CHANNEL = "cli";

    private final ConversationEngine engine;
    private final CliKeys keys;
    private final FileSniffer sniffer = new FileSniffer();

    public ChatTurns(ConversationEngine engine, CliKeys keys) {
        this.engine = engine;
        this.keys = keys;
    }

    /** The same turns for the users of one chat session. */
    public ChatTurns inSession(CliKeys session) {
        return new ChatTurns(engine, session);
    }

    /** A photo that cannot be read as an image. */
    public static final class BadPhoto extends Exception {
        public BadPhoto(String message) {
            super(message);
        }
    }

    public TurnResult buyer(ChatInput in) throws BadPhoto {
        ConversationKey key = keys.key(in.user());
        if (in.photo() != null) {
            return engine.handle(Turn.attachment(key, in.id(), attachment(Path.of(in.photo())), in.caption()));
        }
        if (in.button() != null) {
            return engine.handle(Turn.button(key, in.id(), in.button()));
        }
        return engine.handle(Turn.text(key, in.id(), in.text()));
    }

    private Attachment attachment(Path file) throws BadPhoto {
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadPhoto("no such file: " + file);
            }
            String type = sniffer.imageType(file).orElse("application/octet-stream");
            return new Attachment(file.toAbsolutePath().toString(), file.getFileName().toString(), type,
                    Files.size(file));
        } catch (IOException e) {
            throw new BadPhoto("cannot read " + file + ": " + e.getMessage());
        }
    }
}
