package kefu.spam;

import kefu.conversation.Button;
import kefu.conversation.ConversationState;
import kefu.conversation.Intent;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;
import kefu.conversation.TurnInterceptor;
import org.springframework.core.Ordered;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Optional first-contact check ({@code kefu.spam.challenge.enabled}): a new private chat is asked to press
 * the one named button of four before the bot serves it — trivial for a person, a wall for a script that
 * only sends text. Passing is remembered with the conversation; a wrong press or any other message gets a
 * new challenge. Conversations that already have history are never stopped.
 */
public final class FirstContactChallenge implements TurnInterceptor, Ordered {

    static final String ACTION = "human";
    static final String PASSED = "spam.passed";
    static final String EXPECTED = "spam.expected";
    public static final int CHOICES = 4;

    private final SpamProperties.Challenge settings;
    private final RandomGenerator random;

    public FirstContactChallenge(SpamProperties.Challenge settings) {
        this(settings, new SecureRandom());
    }

    FirstContactChallenge(SpamProperties.Challenge settings, RandomGenerator random) {
        this.settings = settings;
        this.random = random;
    }

    /** Before the handover relay: a new chat cannot be with staff yet, and nothing else should see it first. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Optional<Outcome> intercept(TurnContext ctx) {
        ConversationState s = ctx.state();
        if (!settings.enabled() || !ctx.turn().isPrivate() || !settings.channels().contains(ctx.turn().key().channel())
                || s.fact(PASSED) != null || (s.fact(EXPECTED) == null && !s.history().isEmpty())) {
            return Optional.empty();
        }
        String expected = s.fact(EXPECTED);
        String pressed = ctx.turn().isButton() ? ctx.turn().button() : null;
        if (expected != null && pressed != null && pressed.equals(ACTION + ":" + expected)) {
            ConversationState passed = s.withFact(PASSED, "1").withFact(EXPECTED, null);
            return Optional.of(Outcome.of(passed, Intent.GREETING, 1.0, Reply.of(ctx.say("spam.challenge.passed"))));
        }
        return Optional.of(challenge(ctx, s));
    }

    private Outcome challenge(TurnContext ctx, ConversationState s) {
        int target = random.nextInt(CHOICES);
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < CHOICES; i++) {
            buttons.add(Button.of(ctx.label("spam.challenge.choice." + i), ACTION, String.valueOf(i)));
        }
        String name = ctx.label("spam.challenge.choice." + target);
        return Outcome.of(s.withFact(EXPECTED, String.valueOf(target)), Intent.FALLBACK, 1.0,
                Reply.of(ctx.say("spam.challenge.ask", Map.of("target", name)), buttons));
    }
}
