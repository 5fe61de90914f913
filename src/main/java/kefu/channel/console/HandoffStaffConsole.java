package kefu.channel.console;

import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationStore;
import kefu.conversation.Handover;
import kefu.conversation.TurnResult;
import kefu.conversation.command.SlashCommand;
import kefu.conversation.command.StaffCommand;
import kefu.handoff.InMemoryStaffDesk;
import kefu.handoff.StaffActions;
import kefu.handoff.ConfiguredStaffDesk;

import java.util.ArrayList;
import java.util.List;

/**
 * Staff lines of {@code chat --json}: {@code {"staff":"agent1","user":"u1","text":".."}} speaks to buyer u1,
 * {@code {"staff":"agent1","user":"u1","command":"/close"}} runs a staff command on u1's conversation.
 * The output line carries what reached the buyer in {@code replies} ({@code handoff} true while the
 * conversation stays with staff) and what was posted to staff since their last line in {@code staff}.
 * {@code /claim} on a buyer who was never handed over opens their thread first (staff stepping in).
 */
public final class HandoffStaffConsole implements StaffConsole {

    private final ChatLineCodec codec;
    private final StaffActions actions;
    private final CliBuyerMessenger messenger;
    private final ConfiguredStaffDesk desks;
    private final ConversationStore store;
    private final CliKeys keys;

    public HandoffStaffConsole(ChatLineCodec codec, StaffActions actions, CliBuyerMessenger messenger,
                               ConfiguredStaffDesk desks, ConversationStore store, CliKeys keys) {
        this.codec = codec;
        this.actions = actions;
        this.messenger = messenger;
        this.desks = desks;
        this.store = store;
        this.keys = keys;
    }

    @Override
    public StaffConsole inSession(CliKeys session) {
        return new HandoffStaffConsole(codec, actions, messenger, desks, store, session);
    }

    @Override
    public String handle(ChatInput input) {
        if (!actions.isStaff(input.staff())) {
            return codec.error(input.user(), "not_staff", "'" + input.staff() + "' is not in kefu.handoff.only-staff-ids");
        }
        ConversationKey buyer = keys.key(input.user());
        String thread = actions.threadOf(buyer);
        if (input.command() != null) {
            SlashCommand command = SlashCommand.bare(input.command());
            if (thread == null && StaffCommand.find(command).filter(StaffCommand.CLAIM::equals).isPresent()) {
                thread = actions.openThreadFor(buyer);
            }
            actions.command(input.staff(), thread, command.name(), command.argument());
        } else if (input.text() != null && !input.text().isBlank()) {
            if (thread == null) {
                return codec.error(input.user(), "not_handed_over",
                        "this buyer is not with staff; send {\"command\":\"/claim\"} to step in");
            }
            actions.message(input.staff(), thread, input.text());
        } else {
            return codec.error(input.user(), "empty", "staff lines need 'text' or 'command'");
        }
        boolean withStaff = store.peek(buyer).map(s -> s.handover().withHumans()).orElse(false);
        TurnResult result = new TurnResult(buyer, null, 0, messenger.drain(buyer), List.of(), withStaff, null, false);
        return codec.staffResult(input.user(), result, staffPosts(thread));
    }

    private List<InMemoryStaffDesk.Post> staffPosts(String thread) {
        List<InMemoryStaffDesk.Post> posts = new ArrayList<>();
        desks.inMemory().ifPresent(desk -> {
            posts.addAll(desk.drain(null));
            if (thread != null) {
                posts.addAll(desk.drain(thread));
            }
        });
        return posts;
    }
}
