package kefu.conversation.menu;

import kefu.conversation.Button;
import kefu.conversation.Buttons;
import kefu.conversation.Intent;
import kefu.conversation.TurnContext;

import java.util.List;

/** The buttons for what the bot can do, shown with the greeting and whenever the buyer seems lost. */
public final class MainMenu {

    public List<Button> buttons(TurnContext ctx) {
        return List.of(
                intent(ctx, "button.order_status", Intent.ORDER_STATUS),
                intent(ctx, "button.urge", Intent.URGE_ORDER),
                intent(ctx, "button.after_sales", Intent.AFTER_SALES),
                intent(ctx, "button.faq", Intent.FAQ),
                intent(ctx, "button.human", Intent.HUMAN_HANDOFF));
    }

    private static Button intent(TurnContext ctx, String label, Intent intent) {
        return Buttons.intent(ctx.label(label), intent);
    }
}
