package kefu.conversation.orders;

import kefu.conversation.Intent;
import kefu.conversation.Outcome;
import kefu.conversation.TurnContext;
import kefu.shop.ShopOrder;

/**
 * What the buyer wanted to do with an order (look it up, urge, cancel, after-sales), run once the order
 * is known and the buyer has shown they own it. The name is kept in flow slots and button data.
 */
interface OrderAction {

    String name();

    Intent intent();

    Outcome run(TurnContext ctx, ShopOrder order);
}
