package kefu.conversation.orders;

import kefu.conversation.IntentClassifier;
import kefu.conversation.Keywords;
import kefu.conversation.OrderNumbers;
import kefu.conversation.events.ConversationEvents;
import kefu.shop.OrderRules;
import kefu.shop.ShopGateway;
import kefu.shop.ShopProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

import java.util.List;

/** Wires the order flows (lookup, binding, urge, cancel, after-sales); they reach the shop only through {@link ShopGateway}. */
@Configuration(proxyBeanMethods = false)
public class OrdersConfig {

    @Bean
    OrderWords orderWords(Clock clock) {
        return new OrderWords(clock.getZone());
    }

    @Bean
    OrderAccess orderAccess(ShopGateway shop, OrderNumbers entities, OrderWords words, ShopProperties props) {
        return new OrderAccess(shop, entities, words, props.chat());
    }

    @Bean
    Binding binding(ShopGateway shop, OrderWords words, ShopProperties props) {
        return new Binding(shop, words, props.chat());
    }

    @Bean
    OrderStatusHandler orderStatusHandler(OrderAccess access, Binding binding, OrderWords words, OrderRules rules,
                                          ConversationEvents events) {
        return new OrderStatusHandler(access, binding, words, rules, events);
    }

    @Bean
    UrgeHandler urgeHandler(OrderAccess access, ShopGateway shop, OrderWords words, OrderRules rules,
                            ConversationEvents events) {
        return new UrgeHandler(access, shop, words, rules, events);
    }

    @Bean
    CancelHandler cancelHandler(OrderAccess access, OrderWords words, OrderRules rules) {
        return new CancelHandler(access, words, rules);
    }

    @Bean
    CancelButtons cancelButtons(ShopGateway shop, OrderAccess access, CancelHandler cancel) {
        return new CancelButtons(shop, access, cancel);
    }

    @Bean
    AfterSalesForm afterSalesForm(ShopGateway shop, OrderWords words, ShopProperties props, ConversationEvents events,
                                  IntentClassifier classifier, Keywords keywords) {
        return new AfterSalesForm(shop, words, props.chat(), events, classifier, keywords);
    }

    @Bean
    AfterSalesHandler afterSalesHandler(OrderAccess access, ShopGateway shop, OrderWords words, OrderRules rules,
                                        AfterSalesForm form) {
        return new AfterSalesHandler(access, shop, words, rules, form);
    }

    @Bean
    OrderFlow orderFlow(ShopGateway shop, OrderAccess access, Binding binding, OrderNumbers entities,
                        OrderWords words, List<OrderAction> actions, IntentClassifier classifier, Keywords keywords) {
        return new OrderFlow(shop, access, binding, entities, words, actions, classifier, keywords);
    }

    @Bean
    PickButtons pickButtons(OrderAccess access, List<OrderAction> actions) {
        return new PickButtons(access, actions);
    }

    @Bean
    BindButtons bindButtons(Binding binding) {
        return new BindButtons(binding);
    }
}
