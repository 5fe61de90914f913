package kefu.handoff;

import kefu.conversation.Outcome;
import kefu.conversation.TurnContext;
import kefu.conversation.TurnInterceptor;
import org.springframework.core.Ordered;

import java.util.Optional;

/**
 * Keeps every conversation's transcript: at the start of each turn (under the buyer's lease) copies the
 * history lines the previous turn added. Interceptors never see replies, so a turn's own lines reach the
 * transcript with the next turn or the next staff action, whichever comes first.
 */
public final class TranscriptRecorder implements TurnInterceptor, Ordered {

    private final Transcript transcript;

    public TranscriptRecorder(Transcript transcript) {
        this.transcript = transcript;
    }

    @Override
    public Optional<Outcome> intercept(TurnContext ctx) {
        transcript.sync(ctx.turn().key(), ctx.state().history());
        return Optional.empty();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
