package kefu.channel.telegram;

import kefu.conversation.Attachment;
import kefu.conversation.ConversationKey;
import kefu.conversation.Intent;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnInterceptor;
import kefu.handoff.StaffInbox;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test-only engine plug-ins: {@code #echo ...} is answered with its own text (so order and duplicates are
 * visible in what is sent), {@code #secret} gets a private-only reply, and a recording {@link StaffInbox}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TelegramTestBeans {

    /** Attachments the engine received, by conversation. */
    public static final class SeenAttachments {
        public final List<String> seen = new CopyOnWriteArrayList<>();
        /** {@code key|local path} of each attachment while its turn was handled. */
        public final List<String> paths = new CopyOnWriteArrayList<>();
    }

    @Bean
    SeenAttachments seenAttachments() {
        return new SeenAttachments();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    TurnInterceptor echoForTests(SeenAttachments attachments) {
        return ctx -> {
            Attachment a = ctx.turn().attachment();
            if (a != null) {
                attachments.paths.add(ctx.turn().key().asString() + "|" + a.localPath());
                attachments.seen.add(ctx.turn().key().asString() + "|" + a.mimeType() + "|" + a.sizeBytes() + "|"
                        + ctx.turn().trimmedText());
            }
            String text = ctx.turn().trimmedText();
            if (text.startsWith("#echo ")) {
                return Optional.of(Outcome.of(ctx.state(), Intent.FALLBACK, 1.0, Reply.of("echo " + text.substring(6))));
            }
            if (text.startsWith("#long ")) {
                String line = "这是一行很长的回复内容，用来检查拆分。\n";
                String body = line.repeat(Integer.parseInt(text.substring(6)) / line.length() + 1)
                        .substring(0, Integer.parseInt(text.substring(6)));
                return Optional.of(Outcome.of(ctx.state(), Intent.FALLBACK, 1.0, Reply.of(body)));
            }
            if (text.equals("#secret")) {
                return Optional.of(Outcome.of(ctx.state(), Intent.ORDER_STATUS, 1.0,
                        new Reply("卡密: ABCD-1234", List.of(), true)));
            }
            return Optional.empty();
        };
    }

    /** Records what the channel routed to staff. */
    public static final class RecordingStaffInbox implements StaffInbox {
        public final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void message(String staffId, String threadRef, String text) {
            events.add("message|" + staffId + "|" + threadRef + "|" + text);
        }

        @Override
        public void file(String staffId, String threadRef, Attachment file, String caption) {
            events.add("file|" + staffId + "|" + threadRef + "|" + file.mimeType() + "|" + caption);
        }

        @Override
        public void media(String staffId, String threadRef, kefu.conversation.Media media) {
            events.add("media|" + staffId + "|" + threadRef + "|" + media.kind().wireName() + "|" + media.ref());
        }

        @Override
        public void command(String staffId, String threadRef, String command, String argument) {
            events.add("command|" + staffId + "|" + threadRef + "|" + command + "|" + argument);
        }

        @Override
        public void button(String staffId, String threadRef, String data) {
            events.add("button|" + staffId + "|" + threadRef + "|" + data);
        }

        @Override
        public ConversationKey buyerOf(String threadRef) {
            return null;
        }
    }

    @Bean
    @Primary
    RecordingStaffInbox recordingStaffInbox() {
        return new RecordingStaffInbox();
    }
}
