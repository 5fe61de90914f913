package kefu.conversation.orders;

import kefu.conversation.Button;
import kefu.conversation.ButtonHandler;
import kefu.conversation.Outcome;
import kefu.conversation.TurnContext;

/** {@code bind:start}: the button-led way to bind a shop account; asks for the code. */
final class BindButtons implements ButtonHandler {

    private static final String ACTION = "bind";

    private final Binding binding;

    BindButtons(Binding binding) {
        this.binding = binding;
    }

    /** The button that asks for a bind code. */
    static Button start(String label) {
        return Button.of(label, ACTION, "start");
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public Outcome press(TurnContext ctx, String argument) {
        return binding.askCode(ctx);
    }
}
