package kefu.conversation.orders;

import kefu.conversation.ButtonHandler;
import kefu.conversation.Outcome;
import kefu.conversation.TurnContext;

/** {@code bind:start}: the button-led way to bind a shop account; asks for the code. */
final class BindButtons implements ButtonHandler {

    private final Binding binding;

    BindButtons(Binding binding) {
        this.binding = binding;
    }

    @Override
    public String action() {
        return "bind";
    }

    @Override
    public Outcome press(TurnContext ctx, String argument) {
        return binding.askCode(ctx);
    }
}
