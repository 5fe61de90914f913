package kefu.conversation;

import java.util.Optional;

/**
 * Sees every turn before the bot answers it, in {@code @Order} order: rate limits, bans, staff ownership.
 * An interceptor that returns an outcome ends the turn there.
 */
public interface TurnInterceptor {

    Optional<Outcome> intercept(TurnContext ctx);
}
