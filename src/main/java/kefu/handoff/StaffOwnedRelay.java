package kefu.handoff;

import kefu.conversation.Keywords;
import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationState;
import kefu.conversation.Handover;
import kefu.conversation.InlineSecrets;
import kefu.conversation.Intent;
import kefu.conversation.Media;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.Turn;
import kefu.conversation.TurnContext;
import kefu.conversation.TurnInterceptor;
import kefu.conversation.command.BuyerCommand;
import kefu.conversation.command.SlashCommand;
import kefu.nlu.UnicodeTextNormalizer;
import kefu.privacy.Masking;
import org.springframework.core.Ordered;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * While a conversation is queued or served by staff the bot does not answer: the buyer's text, files and
 * button presses go into the staff thread. The buyer hears from the bot once while waiting ("passed on,
 * you are number N"), then only from staff. A waiting buyer may leave the queue with {@code /cancel}.
 */
public final class StaffOwnedRelay implements TurnInterceptor, Ordered {

    /** After rate limits and bans, before every handler. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final UnicodeTextNormalizer display = new UnicodeTextNormalizer();

    private final StaffDesk desk;
    private final HandoffEscalation escalations;
    private final HandoffQueue queue;
    private final StaffActivity activity;
    private final StaffTexts texts;
    private final Keywords keywords;
    private final ZoneId zone;
    private final ServiceHours hours;
    private final HandoffProperties settings;

    public StaffOwnedRelay(StaffDesk desk, HandoffEscalation escalations, HandoffQueue queue, StaffActivity activity,
                           StaffTexts texts, ZoneId zone, ServiceHours hours, HandoffProperties settings,
                           Keywords keywords) {
        this.zone = zone;
        this.hours = hours;
        this.settings = settings;
        this.keywords = keywords;
        this.desk = desk;
        this.escalations = escalations;
        this.queue = queue;
        this.activity = activity;
        this.texts = texts;
    }

    @Override
    public Optional<Outcome> intercept(TurnContext ctx) {
        ConversationState s = ctx.state();
        if (!s.handover().withHumans()) {
            return Optional.empty();
        }
        ConversationKey buyer = ctx.turn().key();
        String thread = s.fact(Facts.THREAD);
        if (thread == null) {
            thread = escalations.openThread(buyer, s, Intent.HUMAN_HANDOFF);
            s = s.withFact(Facts.THREAD, thread);
        }
        if (Handover.QUEUED.equals(s.handover()) && leavesQueue(ctx.turn())) {
            queue.remove(buyer);
            desk.postInOrder(thread, texts.say("handoff.staff.buyer_left", Map.of("buyer", SummaryCard.masked(buyer))));
            ConversationState back = s.withHandover(Handover.BOT).withFact(Facts.QUEUE_NOTED, null);
            return Optional.of(new Outcome(List.of(Reply.of(ctx.say("handoff.left_queue"))), back, null, 0, List.of(),
                    false));
        }
        relay(ctx.turn(), s, buyer, thread, ctx.now());
        List<Reply> replies = List.of();
        if (Handover.QUEUED.equals(s.handover())) {
            queue.enqueue(buyer, ctx.now());
            if (s.fact(Facts.QUEUE_NOTED) == null) {
                replies = List.of(Reply.receipt(waitingNote(ctx, buyer)));
                s = s.withFact(Facts.QUEUE_NOTED, "1");
            }
        } else {
            activity.touch(buyer, ctx.now());
        }
        return Optional.of(new Outcome(replies, s, null, 0, List.of(), true));
    }

    /**
     * The one note a waiting buyer gets: their place in line while staff are at work; outside service hours that
     * the message is kept for when staff are back, never that someone answers now.
     */
    private String waitingNote(TurnContext ctx, ConversationKey buyer) {
        if (!hours.isOpen(ctx.now())) {
            return ctx.say("handoff.relayed_after_hours", Map.of("opens", settings.serviceOpens(),
                    "closes", settings.serviceCloses()));
        }
        long position = queue.position(buyer).orElse(1);
        return ctx.say(position <= 1 ? "handoff.relayed_next" : "handoff.relayed", Map.of("ahead", position - 1));
    }

    /** {@code /cancel} or 取消排队 while waiting: back to the bot. Once staff serve, everything goes to them. */
    private boolean leavesQueue(Turn turn) {
        String text = turn.trimmedText();
        return !turn.isButton() && turn.attachment() == null
                && (Keywords.in(keywords.leaveQueue(), text) || SlashCommand.parse(text).filter(c -> c.is(BuyerCommand.CANCEL)).isPresent());
    }

    private void relay(Turn turn, ConversationState state, ConversationKey buyer, String thread, Instant at) {
        String who = SummaryCard.masked(buyer);
        if (turn.attachment() != null) {
            desk.postFile(thread, turn.attachment(), texts.say("handoff.staff.buyer_file",
                    Map.of("buyer", who, "caption", turn.hasText() ? shown(turn.writtenText()) : "")));
            return;
        }
        String time = HH_MM_SS.format(at.atZone(zone));
        String head = texts.say("handoff.staff.buyer_says_head", Map.of("buyer", who));
        if (turn.media() != null) {
            Media media = turn.media();
            String kind = texts.say("handoff.staff.media." + media.kind().wireName());
            String label = media.label().isBlank() ? "" : " " + display.forDisplay(media.label());
            String caption = turn.hasText() ? " " + shown(turn.writtenText()) : "";
            Map<String, Object> vars = Map.of("buyer", who, "kind", kind, "label", label, "caption", caption, "time", time);
            desk.relayMedia(thread, media, new RelayedMessage(texts.say("handoff.staff.buyer_media", vars), head,
                    texts.say("handoff.staff.buyer_media_line", vars)));
            return;
        }
        if (turn.isButton()) {
            // Data the bot never offered is forged or stale: staff see it quoted as unknown, never as a plain line.
            String button = state.offeredButtons().contains(turn.button()) ? turn.button()
                    : texts.say("handoff.staff.unknown_button", Map.of("button", turn.button()));
            desk.relay(thread, new RelayedMessage(
                    texts.say("handoff.staff.buyer_pressed", Map.of("buyer", who, "button", button)), head,
                    texts.say("handoff.staff.buyer_pressed_line", Map.of("time", time, "button", button))));
        } else {
            String text = shown(turn.writtenText());
            desk.relay(thread, new RelayedMessage(
                    texts.say("handoff.staff.buyer_says", Map.of("buyer", who, "text", text)), head,
                    texts.say("handoff.staff.buyer_says_line", Map.of("time", time, "text", text))));
        }
    }

    /**
     * A buyer's words as staff see them: as written (line breaks, punctuation), without characters that could
     * fake a line in the topic, secrets hidden and phones, emails and ID numbers masked ({@code /order} gives
     * the contacts whole to staff who need them).
     */
    private String shown(String written) {
        return Masking.inText(InlineSecrets.hide(display.forDisplay(written)));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
