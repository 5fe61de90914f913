package kefu.handoff;

import kefu.conversation.Attachment;
import kefu.conversation.ConversationKey;
import kefu.conversation.Media;

import java.util.function.Consumer;

/**
 * The staff side's entry point, for every desk (Telegram staff group, chat CLI, web desk): reads what staff typed
 * or pressed ({@link StaffCommandParser}), checks they may ({@link StaffPolicy}) and hands it to the action
 * that carries it out. Every change to a conversation runs under the buyer's lease ({@link StaffTransaction}).
 */
public final class StaffActions implements StaffInbox {

    private final StaffCommandParser parser;
    private final StaffPolicy policy;
    private final StaffDesk desk;
    private final ThreadIndex threads;
    private final StaffTakeover takeover;
    private final StaffReplies replies;
    private final StaffNotes notes;
    private final DeskAnswers answers;
    private final StaffTickets tickets;
    private final StaffBans bans;
    private final StaffNames names;

    public StaffActions(StaffCommandParser parser, StaffPolicy policy, StaffDesk desk, ThreadIndex threads,
                        StaffTakeover takeover, StaffReplies replies, StaffNotes notes, DeskAnswers answers,
                        StaffTickets tickets, StaffBans bans, StaffNames names) {
        this.parser = parser;
        this.policy = policy;
        this.desk = desk;
        this.threads = threads;
        this.takeover = takeover;
        this.replies = replies;
        this.notes = notes;
        this.answers = answers;
        this.tickets = tickets;
        this.bans = bans;
        this.names = names;
    }

    /** See {@link StaffPolicy#isStaff}. */
    public boolean isStaff(String staffId) {
        return policy.isStaff(staffId);
    }

    @Override
    public void introduce(String staffId, String channelName) {
        if (policy.isStaff(staffId)) {
            names.seen(staffId, channelName);
        }
    }

    @Override
    public ConversationKey buyerOf(String threadRef) {
        return threads.buyerOf(threadRef);
    }

    /** The buyer's staff thread, or null when the buyer was never handed to staff. */
    public String threadOf(ConversationKey buyer) {
        return takeover.threadOf(buyer);
    }

    /** Opens a thread for a buyer who never had one (staff stepping in), with the summary card. */
    public String openThreadFor(ConversationKey buyer) {
        return takeover.openThreadFor(buyer);
    }

    @Override
    public void message(String staffId, String threadRef, String text) {
        ConversationKey buyer = admittedBuyer(staffId, threadRef);
        if (buyer != null && text != null && !text.isBlank()) {
            replies.message(staffId, buyer, threadRef, text);
        }
    }

    @Override
    public void file(String staffId, String threadRef, Attachment file, String caption) {
        ConversationKey buyer = admittedBuyer(staffId, threadRef);
        if (buyer != null) {
            replies.file(staffId, buyer, threadRef, file, caption);
        }
    }

    @Override
    public void media(String staffId, String threadRef, Media media) {
        ConversationKey buyer = admittedBuyer(staffId, threadRef);
        if (buyer != null) {
            replies.media(staffId, buyer, threadRef, media);
        }
    }

    @Override
    public void command(String staffId, String threadRef, String command, String argument) {
        if (policy.admits(staffId)) {
            act(staffId, threadRef, parser.command(command, argument));
        }
    }

    @Override
    public void button(String staffId, String threadRef, String data) {
        if (policy.admits(staffId)) {
            act(staffId, threadRef, parser.button(data));
        }
    }

    // Java 17 has no pattern switch: a new kind of StaffRequest needs its branch here, else staff get the help.
    private void act(String staffId, String threadRef, StaffRequest request) {
        if (request instanceof StaffRequest.Claim claim) {
            // In a general thread, /claim tg:123456 opens the buyer's thread first; an unreadable buyer names none.
            String thread = !desk.isGeneral(threadRef) || !claim.namesBuyer() ? threadRef
                    : claim.stepInto().map(takeover::openThreadFor).orElse(null);
            inBuyerThread(staffId, thread, buyer -> takeover.claim(staffId, buyer, thread));
        } else if (request instanceof StaffRequest.Close) {
            inBuyerThread(staffId, threadRef, buyer -> takeover.close(staffId, buyer, threadRef));
        } else if (request instanceof StaffRequest.Note note) {
            inBuyerThread(staffId, threadRef, buyer -> {
                if (note.text().isEmpty()) {
                    answers.noteUsage(threadRef);
                } else {
                    notes.note(staffId, buyer, threadRef, note.text());
                }
            });
        } else if (request instanceof StaffRequest.Order order) {
            answers.order(threadRef, order.number());
        } else if (request instanceof StaffRequest.ShowQueue) {
            answers.queue(threadRef);
        } else if (request instanceof StaffRequest.Alias alias) {
            answers.alias(staffId, threadRef, alias.alias());
        } else if (request instanceof StaffRequest.Ticket ticket) {
            tickets.command(threadRef, ticket.argument());
        } else if (request instanceof StaffRequest.TicketButton button) {
            tickets.button(threadRef, button.data());
        } else if (request instanceof StaffRequest.Ban ban) {
            bans.ban(staffId, threadRef, ban.argument());
        } else if (request instanceof StaffRequest.Unban unban) {
            bans.unban(threadRef, unban.argument());
        } else {
            answers.help(threadRef);
        }
    }

    private void inBuyerThread(String staffId, String threadRef, Consumer<ConversationKey> action) {
        ConversationKey buyer = admittedBuyer(staffId, threadRef);
        if (buyer != null) {
            action.accept(buyer);
        }
    }

    /** The buyer behind the thread, once the staff member is admitted; staff are told when the thread has none. */
    private ConversationKey admittedBuyer(String staffId, String threadRef) {
        if (!policy.admits(staffId)) {
            return null;
        }
        ConversationKey buyer = threads.buyerOf(threadRef);
        if (buyer == null) {
            answers.unknownThread(threadRef);
        }
        return buyer;
    }
}
