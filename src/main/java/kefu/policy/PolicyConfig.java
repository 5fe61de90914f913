package kefu.policy;

import kefu.handoff.HandoffProperties;
import kefu.shop.ShopProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds the {@link ShopProfile} from {@code kefu.policy.*} and from the settings the bot enforces, and warns
 * once at start-up about values the operator has not filled in.
 */
@Configuration(proxyBeanMethods = false)
public class PolicyConfig {

    private static final Logger log = LoggerFactory.getLogger(PolicyConfig.class);
    private static final Pattern KEY = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");
    /** Keys taken from enforced settings; an operator who writes them under kefu.policy would create a second source. */
    private static final List<String> DERIVED = List.of("service.", "urge.", "cancel.", "after-sales.");

    @Bean
    ShopProfile shopProfile(Environment env, HandoffProperties handoff, ShopProperties shop) {
        Map<String, String> own = Binder.get(env)
                .bind("kefu.policy", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        Map<String, Integer> urge = new TreeMap<>();
        shop.rules().categories().forEach((category, rule) -> urge.put(category, rule.urgeAfterMinutes()));
        ShopProfile profile = profile(own, new Enforced(handoff.serviceOpens(), handoff.serviceCloses(),
                shop.rules().cancelWindow(), shop.rules().slaHoursMin(), shop.rules().slaHoursMax(), urge));
        profile.unfilledWarning().ifPresent(log::warn);
        return profile;
    }

    /** The rules the bot enforces that articles state too, as the settings give them. */
    record Enforced(String serviceOpens, String serviceCloses, Duration cancelWindow, int afterSalesMinHours,
                    int afterSalesMaxHours, Map<String, Integer> urgeAfterMinutes) {
    }

    static ShopProfile profile(Map<String, String> own, Enforced rules) {
        List<ShopProfile.Value> values = new ArrayList<>();
        new TreeMap<>(own).forEach((key, value) -> {
            String setting = "kefu.policy." + key;
            if (!KEY.matcher(key).matches()) {
                throw new IllegalStateException(setting + ": a profile key is lower-case letters, digits, '-' and '_'");
            }
            if (DERIVED.stream().anyMatch(key::startsWith)) {
                throw new IllegalStateException(setting + ": service hours and the urge, cancel and after-sales "
                        + "rules are read from kefu.handoff and kefu.shop.rules, which the bot enforces; remove it here");
            }
            if (value != null && (value.contains("{{") || value.contains("}}"))) {
                throw new IllegalStateException(setting + ": a value cannot contain '{{' or '}}'");
            }
            values.add(new ShopProfile.Value(key, setting, value));
        });
        String opens = clock(rules.serviceOpens());
        String closes = clock(rules.serviceCloses());
        values.add(new ShopProfile.Value("service.opens", "kefu.handoff.service-opens", opens));
        values.add(new ShopProfile.Value("service.closes", "kefu.handoff.service-closes", closes));
        // Equal times mean around the clock (HandoffProperties); "9:00-9:00" would read as a mistake.
        values.add(new ShopProfile.Value("service.hours", "kefu.handoff.service-opens/-closes",
                opens.equals(closes) ? "0:00-24:00" : opens + "-" + closes));
        values.add(new ShopProfile.Value("cancel.window-minutes", "kefu.shop.rules.cancel-window",
                String.valueOf(rules.cancelWindow().toMinutes())));
        values.add(new ShopProfile.Value("after-sales.min-hours", "kefu.shop.rules.sla-hours-min",
                String.valueOf(rules.afterSalesMinHours())));
        values.add(new ShopProfile.Value("after-sales.max-hours", "kefu.shop.rules.sla-hours-max",
                String.valueOf(rules.afterSalesMaxHours())));
        new TreeMap<>(rules.urgeAfterMinutes()).forEach((category, minutes) -> values.add(new ShopProfile.Value(
                "urge." + category + ".after-minutes",
                "kefu.shop.rules.categories." + category + ".urge-after-minutes", String.valueOf(minutes))));
        return ShopProfile.of(values);
    }

    /** "09:00" as buyers write it: "9:00". */
    private static String clock(String hhmm) {
        return hhmm.startsWith("0") && hhmm.length() == 5 ? hhmm.substring(1) : hhmm;
    }
}
