package kefu.shop;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times every call the bot makes to the shop as {@code kefu_shop_calls_seconds{operation, outcome}}: the
 * operation is the port's method name ({@code order}, {@code urge}, ...) and the outcome {@code ok},
 * {@code unavailable} (the shop did not answer usably) or {@code error}; never an order number or a buyer.
 * A proxy rather than a hand-written decorator, so an operation added to the port is metered without
 * touching this class.
 */
public final class MeteredShopGateway {

    private MeteredShopGateway() {
    }

    public static ShopGateway wrap(ShopGateway shop, MeterRegistry meters) {
        Map<String, Timer> timers = new ConcurrentHashMap<>();
        return (ShopGateway) Proxy.newProxyInstance(ShopGateway.class.getClassLoader(),
                new Class<?>[] {ShopGateway.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return objectMethod(shop, proxy, method, args);
                    }
                    long started = System.nanoTime();
                    String outcome = "error";
                    try {
                        Object result = method.invoke(shop, args);
                        outcome = "ok";
                        return result;
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof ShopUnavailableException) {
                            outcome = "unavailable";
                        }
                        throw e.getCause();
                    } finally {
                        timers.computeIfAbsent(method.getName() + "/" + outcome, k -> Timer.builder("kefu.shop.calls")
                                        .description("Calls to the shop's API by operation and outcome")
                                        .tag("operation", method.getName()).tag("outcome", k.substring(k.indexOf('/') + 1))
                                        .publishPercentileHistogram().register(meters))
                                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
                    }
                });
    }

    private static Object objectMethod(ShopGateway shop, Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "metered " + shop;
        };
    }
}
